package org.videoannotator.embed.video.synthetic;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Frames of a {@link Texture}, read from FFmpeg's {@code lavfi} device through JavaCV's bundled
 * FFmpeg. A shot asks for its local frames in order (a frame may be asked twice, e.g. the first
 * frame held black in a fade), so one open grabber serves it; asking for an earlier frame reopens.
 */
final class LavfiSource implements ShotSource {
  private final String graph;
  private final Java2DFrameConverter converter = new Java2DFrameConverter();
  private FFmpegFrameGrabber grabber;
  private BufferedImage current;
  private int currentT = -1;

  LavfiSource(Texture texture, int width, int height, double fps) {
    this.graph = texture.graph(width, height, fps);
  }

  @Override
  public void draw(BufferedImage img, int t) {
    try {
      if (t < currentT) {
        close();
      }
      if (grabber == null) {
        grabber = new FFmpegFrameGrabber(graph);
        grabber.setFormat("lavfi");
        grabber.start(false);
        currentT = -1;
      }
      while (currentT < t) {
        Frame f = grabber.grabImage();
        if (f == null) {
          throw new IllegalStateException("lavfi source ended at frame " + currentT + ": " + graph);
        }
        current = converter.convert(f);
        currentT++;
      }
    } catch (FrameGrabber.Exception e) {
      throw new IllegalStateException(
          "FFmpeg cannot render lavfi source " + graph + ": " + e.getMessage(), e);
    }
    Graphics2D g = img.createGraphics();
    try {
      g.drawImage(current, 0, 0, img.getWidth(), img.getHeight(), null);
    } finally {
      g.dispose();
    }
  }

  @Override
  public void close() {
    if (grabber != null) {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception e) {
        throw new IllegalStateException("cannot close lavfi source " + graph, e);
      }
      grabber = null;
      currentT = -1;
    }
  }
}
