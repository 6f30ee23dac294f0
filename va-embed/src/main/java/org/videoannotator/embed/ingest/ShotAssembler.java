package org.videoannotator.embed.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;
import org.videoannotator.embed.video.ShotSpan;

/**
 * Groups a video's sampled frames by shot once the shots are known: the frames inside each shot
 * (with their motion partner when it lies in the same shot), the frame nearest the shot's middle as
 * its keyframe, and the local cut rate around it.
 */
final class ShotAssembler {
  /** Half-width of the window the local cut rate is counted in. */
  static final double CUT_RATE_HALF_WINDOW_SEC = 30;

  /**
   * One shot ready to embed: its samples stay packed until {@link #frames()} unpacks them, so only
   * one shot's frames are ever unpacked at a time.
   */
  record Shot(
      ShotSpan span,
      List<FrameSampler.Sample> samples,
      FrameSampler.Sample keyframe,
      boolean borrowedFrame,
      double fps,
      double cutsPerMinute) {

    /** The shot's frames, unpacked, with motion partners only when they lie inside the shot. */
    ShotFrames frames() {
      List<SampledFrame> frames = new ArrayList<>(samples.size());
      for (FrameSampler.Sample s : samples) {
        boolean partnerInside =
            !borrowedFrame && s.hasPartner() && s.index + FrameSampler.MOTION_GAP <= span.last();
        frames.add(
            new SampledFrame(
                s.index,
                s.timeSec,
                s.image(),
                partnerInside ? s.partner() : null,
                FrameSampler.MOTION_GAP));
      }
      return new ShotFrames(span.first(), span.last(), fps, frames, cutsPerMinute);
    }
  }

  private ShotAssembler() {}

  static List<Shot> assemble(List<ShotSpan> spans, List<FrameSampler.Sample> samples, double fps) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no frame was sampled");
    }
    List<Shot> shots = new ArrayList<>(spans.size());
    int cursor = 0;
    for (ShotSpan span : spans) {
      while (cursor < samples.size() && samples.get(cursor).index < span.first()) {
        cursor++;
      }
      List<FrameSampler.Sample> inside = new ArrayList<>();
      for (int i = cursor; i < samples.size() && samples.get(i).index <= span.last(); i++) {
        inside.add(samples.get(i));
      }
      boolean borrowed = inside.isEmpty();
      if (borrowed) {
        // Rare (a very short shot that looked like its neighbour): use the nearest frame kept.
        inside.add(nearest(samples, span.middle()));
      }
      shots.add(
          new Shot(
              span,
              inside,
              nearest(inside, span.middle()),
              borrowed,
              fps,
              cutsPerMinute(spans, span, fps)));
    }
    return shots;
  }

  private static FrameSampler.Sample nearest(List<FrameSampler.Sample> samples, int frame) {
    return samples.stream()
        .min(Comparator.comparingInt(s -> Math.abs(s.index - frame)))
        .orElseThrow();
  }

  /** Shot starts per minute within {@link #CUT_RATE_HALF_WINDOW_SEC} of the shot's middle. */
  static double cutsPerMinute(List<ShotSpan> spans, ShotSpan shot, double fps) {
    int total = spans.getLast().last() + 1;
    double middle = shot.middle();
    double half = CUT_RATE_HALF_WINDOW_SEC * fps;
    double from = Math.max(0, middle - half);
    double to = Math.min(total, middle + half);
    long cuts = spans.stream().skip(1).filter(s -> s.first() >= from && s.first() < to).count();
    double minutes = Math.max(1, to - from) / fps / 60;
    return cuts / minutes;
  }
}
