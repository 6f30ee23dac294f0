package org.videoannotator.embed.model;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Image resizing shared by the embedders and the media writers. */
public final class Images {
  private Images() {}

  /**
   * {@code src} resized to exactly {@code width x height} RGB with bicubic interpolation. Large
   * reductions go through halving steps first, because a single bicubic step from far away aliases.
   */
  public static BufferedImage resize(BufferedImage src, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("target size must be positive: " + width + "x" + height);
    }
    BufferedImage current = src;
    while (current.getWidth() >= 2 * width * 2 && current.getHeight() >= 2 * height * 2) {
      current =
          draw(
              current,
              current.getWidth() / 2,
              current.getHeight() / 2,
              RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    if (current.getWidth() == width
        && current.getHeight() == height
        && current.getType() == BufferedImage.TYPE_INT_RGB) {
      return current;
    }
    return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  /** {@code src} scaled so its short side is {@code shortSide}, keeping the aspect ratio. */
  public static BufferedImage resizeShortSide(BufferedImage src, int shortSide) {
    int w = src.getWidth();
    int h = src.getHeight();
    if (w <= h) {
      return resize(src, shortSide, Math.max(1, (int) Math.round((double) h * shortSide / w)));
    }
    return resize(src, Math.max(1, (int) Math.round((double) w * shortSide / h)), shortSide);
  }

  /** The centred {@code size x size} square of {@code src} (which must be at least that large). */
  public static BufferedImage centerCrop(BufferedImage src, int size) {
    if (src.getWidth() < size || src.getHeight() < size) {
      throw new IllegalArgumentException(
          "cannot crop " + size + "px from " + src.getWidth() + "x" + src.getHeight());
    }
    int x = (src.getWidth() - size) / 2;
    int y = (src.getHeight() - size) / 2;
    return src.getSubimage(x, y, size, size);
  }

  private static BufferedImage draw(BufferedImage src, int w, int h, Object interpolation) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
