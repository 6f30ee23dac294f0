package org.videoannotator.bench.video;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.videoannotator.embed.video.BoundaryScore;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Transition;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.Texture;

/**
 * One detector's results per kind of material: recall of cuts and of gradual transitions by what
 * the two shots show (scenes, textures that change on their own, stills and gradients, one subject
 * reframed), and the false boundaries by where they fall (inside which distractor, in which
 * material). A truth boundary counts as found when any detection matches it.
 */
public final class MaterialBreakdown {
  private final Map<String, int[]> found = new TreeMap<>();
  private final Map<String, Integer> falseAt = new TreeMap<>();
  private int falseTotal;

  /** Adds one video: its plan, truth and the detector's boundaries. */
  public void add(List<ShotPlan> plan, GroundTruth truth, List<Transition> detected) {
    List<Transition> cuts = truth.transitions();
    for (int t = 0; t < cuts.size() && t + 1 < plan.size(); t++) {
      Transition tr = cuts.get(t);
      String key = category(plan.get(t), plan.get(t + 1)) + (tr.isCut() ? ", cuts" : ", gradual");
      int[] c = found.computeIfAbsent(key, x -> new int[2]);
      c[0]++;
      if (detected.stream().anyMatch(d -> BoundaryScore.matches(tr, d))) {
        c[1]++;
      }
    }
    for (Transition d : detected) {
      if (cuts.stream().anyMatch(t -> BoundaryScore.matches(t, d))) {
        continue;
      }
      falseTotal++;
      String where = "in " + material(shotAt(plan, truth, d.splitFrame()));
      for (GroundTruth.Distractor x : truth.distractors()) {
        if (d.start() <= x.last() + 1 && d.end() >= x.first() - 1) {
          where = "at " + x.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
          break;
        }
      }
      falseAt.merge(where, 1, Integer::sum);
    }
  }

  private static ShotPlan shotAt(List<ShotPlan> plan, GroundTruth truth, int frame) {
    for (ShotSpan s : truth.shots()) {
      if (frame >= s.first() && frame <= s.last()) {
        return plan.get(Math.min(plan.size() - 1, s.index()));
      }
    }
    return plan.getLast();
  }

  /** What a transition joins, from the two shots' material. */
  static String category(ShotPlan a, ShotPlan b) {
    Texture ta = a.texture();
    Texture tb = b.texture();
    if (ta != null && tb != null && ta.kind() == tb.kind() && ta.seed() == tb.seed()) {
      return ta.kind().busy && ta.kind() != Texture.Kind.MANDELBROT
          ? "same texture, other content"
          : "one subject reframed";
    }
    String ma = material(a);
    String mb = material(b);
    if (ma.equals("busy texture") && mb.equals("busy texture")) {
      return "between busy textures";
    }
    if (ma.equals("busy texture") || mb.equals("busy texture")) {
      return "beside a busy texture";
    }
    if (!ma.equals("scene") || !mb.equals("scene")) {
      return "beside a still or gradient";
    }
    return "scene to scene";
  }

  private static String material(ShotPlan s) {
    if (s.texture() == null) {
      boolean busyEvent =
          s.events().stream()
              .anyMatch(
                  e ->
                      e.kind() == ShotPlan.Event.Kind.NOISE
                          || e.kind() == ShotPlan.Event.Kind.SPARKLE);
      return busyEvent ? "busy texture" : "scene";
    }
    return s.texture().kind().busy ? "busy texture" : "still or gradient";
  }

  /** Lines to print under the detector table. */
  public String table() {
    StringBuilder b = new StringBuilder("ours by material: found / truth\n");
    found.forEach(
        (k, c) -> b.append(String.format(Locale.ROOT, "  %-44s %3d / %3d%n", k, c[1], c[0])));
    b.append(String.format(Locale.ROOT, "ours, false boundaries: %d in all", falseTotal));
    falseAt.forEach((k, n) -> b.append(", ").append(n).append(' ').append(k));
    return b.append('\n').toString();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    found.forEach((k, c) -> m.put(k, Map.of("truth", c[0], "found", c[1])));
    m.put("falseBoundaries", falseTotal);
    m.put("falseBoundariesWhere", new LinkedHashMap<>(falseAt));
    return m;
  }
}
