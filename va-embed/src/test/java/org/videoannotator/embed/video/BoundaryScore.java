package org.videoannotator.embed.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.videoannotator.embed.video.synthetic.GroundTruth;

/**
 * Precision, recall and F1 of detected boundaries against the truth, for cuts and for gradual
 * transitions separately. A truth cut at {@code t} is found by a detected cut within +-1 frame or a
 * detected gradual transition covering {@code [t-1, t+1]}; a truth gradual transition is found by
 * any detection overlapping its range. Matching is one-to-one and greedy in frame order. Precision
 * of a kind counts the detections of that kind; recall counts the truth of that kind.
 */
public record BoundaryScore(Counts cuts, Counts gradual) {
  /** Matched detections and truths of one kind. */
  public record Counts(int truth, int detected, int truthFound, int detectedMatched) {
    public double precision() {
      return detected == 0 ? (truth == 0 ? 1 : 0) : (double) detectedMatched / detected;
    }

    public double recall() {
      return truth == 0 ? 1 : (double) truthFound / truth;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public Counts plus(Counts o) {
      return new Counts(
          truth + o.truth,
          detected + o.detected,
          truthFound + o.truthFound,
          detectedMatched + o.detectedMatched);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "P=%.3f R=%.3f F1=%.3f (truth %d, detected %d)",
          precision(),
          recall(),
          f1(),
          truth,
          detected);
    }
  }

  public static final BoundaryScore EMPTY =
      new BoundaryScore(new Counts(0, 0, 0, 0), new Counts(0, 0, 0, 0));

  public static BoundaryScore of(List<Transition> truth, List<Transition> detected) {
    boolean[] used = new boolean[detected.size()];
    int[] found = new int[2];
    int[] truthN = new int[2];
    for (Transition t : truth) {
      int kind = t.isCut() ? 0 : 1;
      truthN[kind]++;
      for (int d = 0; d < detected.size(); d++) {
        if (!used[d] && matches(t, detected.get(d))) {
          used[d] = true;
          found[kind]++;
          break;
        }
      }
    }
    int[] detN = new int[2];
    int[] detMatched = new int[2];
    for (int d = 0; d < detected.size(); d++) {
      int kind = detected.get(d).isCut() ? 0 : 1;
      detN[kind]++;
      if (used[d]) {
        detMatched[kind]++;
      }
    }
    return new BoundaryScore(
        new Counts(truthN[0], detN[0], found[0], detMatched[0]),
        new Counts(truthN[1], detN[1], found[1], detMatched[1]));
  }

  public static boolean matches(Transition truth, Transition det) {
    if (truth.isCut()) {
      return det.isCut()
          ? Math.abs(det.start() - truth.start()) <= 1
          : det.start() - 1 <= truth.start() && truth.start() <= det.end() + 1;
    }
    return det.start() <= truth.end() && det.end() >= truth.start();
  }

  public BoundaryScore plus(BoundaryScore o) {
    return new BoundaryScore(cuts.plus(o.cuts), gradual.plus(o.gradual));
  }

  /** Both kinds together. */
  public Counts all() {
    return cuts.plus(gradual);
  }

  /** Detections inside the given frame ranges that match no truth: boundaries where none is. */
  public static List<Transition> falseInside(
      List<Transition> truth, List<Transition> detected, List<GroundTruth.Distractor> ranges) {
    List<Transition> out = new ArrayList<>();
    for (Transition d : detected) {
      boolean real = truth.stream().anyMatch(t -> matches(t, d));
      boolean inside =
          ranges.stream().anyMatch(r -> d.start() <= r.last() + 1 && d.end() >= r.first() - 1);
      if (!real && inside) {
        out.add(d);
      }
    }
    return out;
  }
}
