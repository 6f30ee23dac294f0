package org.videoannotator.embed.video.shots;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;
import org.videoannotator.embed.video.DecodedFrame;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.Transition;

/**
 * Streaming shot boundary detector. Feed it every frame in order with {@link #accept}, then call
 * {@link #finish} once for the boundaries. It keeps the compact features of the last {@value
 * FrameWindow#SIZE} frames ({@link FrameWindow}) and a few named numbers per frame ({@link
 * FrameSignals}), so memory stays small for long videos.
 *
 * <p>Data flow: each frame becomes {@link FrameFeatures}; every signal the rules ask for is updated
 * from the window; at the end the rules read the series: {@link DissolveFit} and {@link FadeRule}
 * give gradual runs, {@link FlashFilter} drops those inside flashes, and {@link HardCutRule} gives
 * cuts outside flashes and gradual transitions.
 */
public final class ShotDetector {
  /**
   * Tunable thresholds.
   *
   * @param cutThreshold minimum cut score of a hard cut (0..1)
   * @param adaptiveMargin how far above the neighbours' median score a cut must be
   * @param minShotFrames shortest shot allowed between two cuts
   */
  public record Config(double cutThreshold, double adaptiveMargin, int minShotFrames) {
    public Config {
      if (!(cutThreshold > 0 && cutThreshold < 1)) {
        throw new IllegalArgumentException("cutThreshold must be in (0,1), got " + cutThreshold);
      }
      if (!(adaptiveMargin >= 0)) {
        throw new IllegalArgumentException("adaptiveMargin must be >= 0, got " + adaptiveMargin);
      }
      if (minShotFrames < 1) {
        throw new IllegalArgumentException("minShotFrames must be >= 1, got " + minShotFrames);
      }
    }

    public static Config defaults() {
      return new Config(0.42, 0.25, 3);
    }
  }

  private final HardCutRule cuts;
  private final FlashFilter flashes;
  private final DissolveFit dissolves;
  private final FadeRule fades = new FadeRule();
  private final FrameWindow window = new FrameWindow();
  private final FrameSignals signals;
  private boolean finished;

  public ShotDetector() {
    this(Config.defaults());
  }

  public ShotDetector(Config config) {
    cuts = new HardCutRule(config, CutModel.bundled());
    flashes = new FlashFilter(config.cutThreshold());
    dissolves = new DissolveFit(config.cutThreshold());
    List<FrameSignal> wanted = new ArrayList<>(cuts.signals());
    wanted.addAll(flashes.signals());
    wanted.addAll(dissolves.signals());
    wanted.addAll(fades.signals());
    signals = new FrameSignals(wanted);
  }

  /** Adds the next frame; frames must come in order, starting at index 0. */
  public void accept(DecodedFrame frame) {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    if (frame.index() != signals.count()) {
      throw new IllegalArgumentException(
          "expected frame "
              + signals.count()
              + ", got "
              + frame.index()
              + ": feed every frame in order");
    }
    window.push(new FrameFeatures(frame));
    signals.update(window);
  }

  /** A frame sink that feeds this detector. */
  public FrameSink sink() {
    return this::accept;
  }

  /** Frames seen so far. */
  public int frameCount() {
    return signals.count();
  }

  /** Every signal's value per frame, one line each (tuning and bug reports). */
  public void debugDump(PrintStream out) {
    signals.dump(out);
  }

  /** The boundaries, sorted by start. Call once, after the last frame. */
  public List<Transition> finish() {
    finished = true;
    List<Span> flashSpans = flashes.spans(signals);
    List<Transition> gradual = gradual(flashSpans);
    List<Transition> all = new ArrayList<>(gradual);
    all.addAll(cuts.cuts(signals, cutVeto(flashSpans, gradual)));
    Collections.sort(all);
    return all;
  }

  /** Cut candidates with their features, for training the cut model; instead of {@link #finish}. */
  List<HardCutRule.Candidate> finishForTraining() {
    finished = true;
    List<Span> flashSpans = flashes.spans(signals);
    return cuts.candidates(signals, cutVeto(flashSpans, gradual(flashSpans)));
  }

  /** Candidates inside a flash or within a frame of a gradual transition are no cuts. */
  private IntPredicate cutVeto(List<Span> flashSpans, List<Transition> gradual) {
    return i ->
        flashes.vetoesCut(signals, flashSpans, i)
            || gradual.stream().anyMatch(t -> i >= t.start() - 1 && i <= t.end() + 1);
  }

  /**
   * Dissolve and fade runs, minus those inside flashes, merged where they overlap, touch, or are
   * joined by blank frames; a merged run touching a blank frame is a fade.
   */
  private List<Transition> gradual(List<Span> flashSpans) {
    List<Span> runs = dissolves.runs(signals);
    runs.addAll(fades.runs(signals));
    FlashFilter.dropRunsInside(runs, flashSpans);
    runs.sort((a, b) -> Integer.compare(a.first(), b.first()));
    List<Transition> out = new ArrayList<>();
    Span cur = null;
    boolean curFade = false;
    for (Span r : runs) {
      boolean fade = FadeRule.touchesBlank(signals, r);
      if (cur != null
          && r.first() <= cur.last() + 1 + FadeRule.blankGap(signals, cur.last(), r.first())) {
        cur = new Span(cur.first(), Math.max(cur.last(), r.last()));
        curFade |= fade;
        continue;
      }
      if (cur != null) {
        addGradual(out, cur, curFade);
      }
      cur = r;
      curFade = fade;
    }
    if (cur != null) {
      addGradual(out, cur, curFade);
    }
    return out;
  }

  private void addGradual(List<Transition> out, Span run, boolean fade) {
    int count = signals.count();
    int start = Math.max(1, run.first());
    int end = Math.min(count - 2, run.last());
    if (end < start || start <= 0 || end >= count - 1) {
      return;
    }
    out.add(fade ? Transition.fade(start, end) : Transition.dissolve(start, end));
  }
}
