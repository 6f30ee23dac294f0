package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.videoannotator.embed.video.Transition;

/**
 * Hard cuts. Every frame whose {@link CutScore} reaches {@value #CANDIDATE_FLOOR}, or that the
 * hand-made rule below takes, is a candidate; the learned {@link CutModel} weighs its {@link
 * CutFeatures} (the rule's verdict among them) and keeps it when its probability reaches the
 * model's threshold. Without a model the rule alone decides. The hand-made rule: two tests on the
 * {@link CutScore} series, <b>loud</b> (at least the cut threshold and the adaptive margin above
 * the median of the {@value #RADIUS} neighbours each side, or the same seen from the calm side of a
 * busy shot) and <b>quiet</b> (at least {@value #QUIET_FLOOR} and {@value #QUIET_RATIO} times the
 * neighbours' upper quartile). Cuts closer than the minimum shot length keep the stronger.
 * Constants chosen on the transition suite and challenge mix (seeds 1-7) and the tuning half of the
 * hard mix of {@code va bench decode}.
 */
final class HardCutRule {
  /** Neighbours each side whose scores set the local level. */
  static final int RADIUS = 8;

  /** How far a cut beside a busy shot must score above that shot's upper quartile. */
  static final double BUSY_MARGIN = 0.08;

  /**
   * Lowest score a cut in a quiet neighbourhood may have. True cuts between two similar dark,
   * low-contrast shots score 0.3 (few textured blocks, similar histograms), while a static or
   * slowly moving shot stays near 0.01-0.05.
   */
  static final double QUIET_FLOOR = 0.25;

  /**
   * How many times the neighbourhood's upper quartile a quiet cut must score. The upper quartile of
   * the 16 neighbours, not their mean or median: up to 3 other cuts nearby (fast cutting) do not
   * move it, while a shaking or fast-panning shot, whose scores jump around, raises it and so
   * cannot lend a single noisy frame the ratio.
   */
  static final double QUIET_RATIO = 5;

  /**
   * Least cut score the model looks at. Every true cut of the tuning halves of {@code va bench
   * decode} (suite, challenge, hard and texture mixes) scored above it except pure shifts between
   * crops of one still, which {@link #CONTRAST_CANDIDATE} catches; a floor only bounds the work,
   * the model decides.
   */
  static final double CANDIDATE_FLOOR = 0.1;

  /**
   * A frame whose {@link WindowContrast} reaches this for some descriptor is weighed too, however
   * low its cut score: a cut between two crops of one still can be a pure shift, which the
   * motion-compensated score explains away, while the frames before and after differ clearly and
   * each side is still (on the texture mix's tuning half such a cut scored 0.08 with a layout
   * contrast of 8; frames inside shots stay mostly below 2).
   */
  static final double CONTRAST_CANDIDATE = 3;

  private final ShotDetector.Config config;
  private final CutModel model;

  HardCutRule(ShotDetector.Config config, CutModel model) {
    this.config = config;
    this.model = model;
  }

  List<FrameSignal> signals() {
    return CutFeatures.signals();
  }

  /** Frames the model weighs (not {@code vetoed}), with their features: what training labels. */
  List<Candidate> candidates(FrameSignals values, IntPredicate vetoed) {
    FloatSeries cut = values.series(new CutScore());
    List<FloatSeries> contrast = new ArrayList<>();
    for (Descriptor d : Descriptor.values()) {
      contrast.add(values.series(new WindowContrast(d)));
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 1; i < values.count(); i++) {
      int frame = i;
      boolean contrasted = contrast.stream().anyMatch(c -> c.get(frame) >= CONTRAST_CANDIDATE);
      if ((cut.get(i) >= CANDIDATE_FLOOR || contrasted || candidate(cut, i)) && !vetoed.test(i)) {
        double[] f = CutFeatures.of(values, this, i);
        out.add(new Candidate(i, f, model == null ? f[f.length - 1] : model.probability(f)));
      }
    }
    return out;
  }

  /** A frame the model weighed: its features and the probability that a new shot starts there. */
  record Candidate(int frame, double[] features, double probability) {}

  /**
   * Cuts at candidates not {@code vetoed}, at least {@link ShotDetector.Config#minShotFrames}
   * apart.
   */
  List<Transition> cuts(FrameSignals values, IntPredicate vetoed) {
    double threshold = model == null ? 0.5 : model.threshold();
    List<Transition> cuts = new ArrayList<>();
    int last = -1;
    double lastP = 0;
    for (Candidate c : candidates(values, vetoed)) {
      int i = c.frame();
      if (c.probability() < threshold) {
        continue;
      }
      if (last >= 0 && i - last < config.minShotFrames()) {
        if (c.probability() > lastP) {
          cuts.set(cuts.size() - 1, Transition.cut(i));
          last = i;
          lastP = c.probability();
        }
        continue;
      }
      cuts.add(Transition.cut(i));
      last = i;
      lastP = c.probability();
    }
    return cuts;
  }

  /**
   * Loud: at least the threshold and the margin above the neighbours' median (fast motion raises
   * every score around it, so a fixed threshold alone would cut fast pans), or {@link #busyBeside}.
   * Quiet: PySceneDetect's adaptive ratio made robust (over 8 neighbours each side, against a
   * quantile instead of the mean of 2): it finds cuts between two similar dark shots, whose
   * absolute score stays below the threshold but stands out from a near-zero neighbourhood.
   */
  boolean candidate(FloatSeries cut, int i) {
    double s = cut.get(i);
    if (s >= config.cutThreshold()) {
      return s >= Quantiles.around(cut, i - RADIUS, i + RADIUS, i, 0.5) + config.adaptiveMargin()
          || busyBeside(cut, i, s);
    }
    return s >= QUIET_FLOOR
        && s >= QUIET_RATIO * Quantiles.around(cut, i - RADIUS, i + RADIUS, i, 0.75);
  }

  /**
   * The loud rule for a cut next to a busy shot (snow, confetti, anything whose whole picture
   * changes every frame): such a shot scores high on every frame and lifts the median of all the
   * neighbours above the cut. Seen from the calm side the cut still stands out by the adaptive
   * margin, and it scores above the busy side's upper quartile by {@value #BUSY_MARGIN}, which a
   * frame inside the busy shot does not (it is one of those scores), nor the first frame of a whip
   * pan (the frames after it score as high).
   */
  private boolean busyBeside(FloatSeries cut, int i, double s) {
    double left = Quantiles.around(cut, i - RADIUS, i - 1, i, 0.5);
    double right = Quantiles.around(cut, i + 1, i + RADIUS, i, 0.5);
    double calm = Math.min(left, right);
    double busyUpper =
        left <= right
            ? Quantiles.around(cut, i + 1, i + RADIUS, i, 0.75)
            : Quantiles.around(cut, i - RADIUS, i - 1, i, 0.75);
    return s >= calm + config.adaptiveMargin() && s >= busyUpper + BUSY_MARGIN;
  }
}
