package org.videoannotator.bench.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.videoannotator.embed.video.Transition;

/**
 * FFmpeg's own scene-change detection, {@code select='gt(scene,T)'}, run through JavaCV's filter
 * graph on every decoded frame of a file: a frame that passes the filter starts a new shot. The
 * usual threshold is 0.3 (FFmpeg documentation's example); it reports hard cuts only.
 */
public final class FfmpegSceneFilter {
  private FfmpegSceneFilter() {}

  public static List<Transition> cuts(Path file, double threshold) throws Exception {
    List<Transition> out = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start(false);
      String graph = String.format(Locale.ROOT, "select='gt(scene\\,%.3f)'", threshold);
      try (FFmpegFrameFilter filter =
          new FFmpegFrameFilter(graph, grabber.getImageWidth(), grabber.getImageHeight())) {
        filter.setPixelFormat(grabber.getPixelFormat());
        filter.setFrameRate(grabber.getFrameRate());
        filter.start();
        int index = 0;
        Frame f;
        while ((f = grabber.grabImage()) != null) {
          filter.push(f);
          // select neither delays nor reorders: a frame comes out right away or never
          while (filter.pull() != null) {
            if (index > 0) {
              out.add(Transition.cut(index));
            }
          }
          index++;
        }
        filter.stop();
      }
    }
    return out;
  }
}
