package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Flashes inside a shot (camera flash, muzzle flash, lightning) are not boundaries: a jump whose
 * preceding picture comes back within a few frames vetoes the cuts at and after it, and the span
 * from a flash onset until the brightness has decayed back vetoes cuts and gradual runs inside it.
 * A rise alone never decides; the picture coming back does. Constants chosen on the transition
 * suite (seeds 1, 7) and the tuning half of the hard mix of {@code va bench decode}.
 */
final class FlashFilter {
  /** Frames after a jump in which the picture before it may come back (1-3 flash frames). */
  static final int RETURN_FRAMES = 5;

  /**
   * Frames scoring at least this are watched for a return. Below {@link HardCutRule#QUIET_FLOOR} on
   * purpose: a flash's first frame may score a little under the floor while the return frame scores
   * over it, and the return is only recognised as part of the flash if its first frame was watched.
   */
  static final double WATCH_FLOOR = 0.2;

  /**
   * Frames after a blank (near-white or near-black) onset in which the picture from before it may
   * come back: a camera flash or lightning blows two or three frames to white and decays back over
   * a few more. Shorter than any fade (a fade's two halves and its blank middle).
   */
  static final int ONSET_RETURN_FRAMES = 12;

  /**
   * Rise in mean luma (0-255) from one frame to the next that starts a possible flash: a picture
   * blown to 90 % white rises by 100 or more from any ordinary exposure.
   */
  static final float SURGE = 60;

  /** Gradual runs within this many frames of a flash span belong to the flash. */
  private static final int GRADUAL_SLACK = 3;

  /** Brightness (luma levels) within which the flash has decayed back. */
  private static final float DECAYED = 4;

  private final FlashReturn flashReturn;
  private final PictureReturn pictureReturn;

  FlashFilter(double cutThreshold) {
    this.flashReturn = new FlashReturn(cutThreshold);
    this.pictureReturn = new PictureReturn(cutThreshold);
  }

  List<FrameSignal> signals() {
    return List.of(new CutScore(), flashReturn, pictureReturn, new MeanLuma(), new Blank());
  }

  /**
   * Frame {@code i} may start a flash: it turns blank, or it is far brighter than the frame before.
   */
  static boolean onset(FloatSeries blank, FloatSeries luma, int i) {
    return (Blank.at(blank, i) && !Blank.at(blank, i - 1))
        || luma.get(i) - luma.get(i - 1) >= SURGE;
  }

  /**
   * Frames {@code [onset - 1, end]} of every flash: an onset whose preceding picture came back
   * within {@link #ONSET_RETURN_FRAMES}; the span runs on while the brightness keeps falling back
   * toward its level before the onset (the picture is recognisable before the flash has decayed).
   */
  List<Span> spans(FrameSignals values) {
    FloatSeries blank = values.series(new Blank());
    FloatSeries luma = values.series(new MeanLuma());
    FloatSeries returnedAt = values.series(pictureReturn);
    int count = values.count();
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (onset(blank, luma, i) && returnedAt.get(i) >= 0) {
        float base = luma.get(i - 1);
        int end = (int) returnedAt.get(i);
        while (end + 1 < count
            && end + 1 <= i + ONSET_RETURN_FRAMES
            && Math.abs(luma.get(end) - base) > DECAYED
            && Math.abs(luma.get(end + 1) - base) < Math.abs(luma.get(end) - base)) {
          end++;
        }
        spans.add(new Span(i - 1, end));
      }
    }
    return spans;
  }

  /**
   * A cut candidate at {@code i} is part of a flash: the picture before it comes back, or it lies
   * between the jump of an earlier flash and that flash's return (a picture that came back before
   * {@code i} says nothing about {@code i}: a texture whose frames repeat every other frame returns
   * all the time, and the cut out of it is still a cut).
   */
  boolean vetoesCut(FrameSignals values, List<Span> flashes, int i) {
    FloatSeries ret = values.series(flashReturn);
    if (ret.get(i) >= 0) {
      return true;
    }
    for (int k = Math.max(1, i - RETURN_FRAMES + 1); k < i; k++) {
      if (ret.get(k) >= i) {
        return true; // a later frame of a flash that started at k
      }
    }
    return flashes.stream().anyMatch(f -> f.holdsCutAt(i));
  }

  /** Drops gradual runs that lie within a flash: its frames look like a fade to white and back. */
  static void dropRunsInside(List<Span> runs, List<Span> flashes) {
    for (Span f : flashes) {
      runs.removeIf(r -> r.within(f, GRADUAL_SLACK));
    }
  }
}
