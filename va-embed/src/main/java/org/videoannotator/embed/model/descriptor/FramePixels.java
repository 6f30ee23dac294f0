package org.videoannotator.embed.model.descriptor;

import java.awt.image.BufferedImage;
import org.videoannotator.embed.model.Images;

/**
 * One frame as float planes at a fixed analysis size: RGB, HSV and luma, all in [0, 1]. Fixed size
 * so that every feature is comparable across videos of any resolution.
 */
final class FramePixels {
  static final int WIDTH = 96;
  static final int HEIGHT = 64;

  final float[] r = new float[WIDTH * HEIGHT];
  final float[] g = new float[WIDTH * HEIGHT];
  final float[] b = new float[WIDTH * HEIGHT];
  final float[] hue = new float[WIDTH * HEIGHT]; // [0, 1), 0 = red
  final float[] sat = new float[WIDTH * HEIGHT];
  final float[] val = new float[WIDTH * HEIGHT];
  final float[] luma = new float[WIDTH * HEIGHT];

  FramePixels(BufferedImage image) {
    BufferedImage small = Images.resize(image, WIDTH, HEIGHT);
    int[] argb = small.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    for (int i = 0; i < argb.length; i++) {
      float rr = ((argb[i] >> 16) & 0xff) / 255f;
      float gg = ((argb[i] >> 8) & 0xff) / 255f;
      float bb = (argb[i] & 0xff) / 255f;
      r[i] = rr;
      g[i] = gg;
      b[i] = bb;
      luma[i] = 0.299f * rr + 0.587f * gg + 0.114f * bb;
      float max = Math.max(rr, Math.max(gg, bb));
      float min = Math.min(rr, Math.min(gg, bb));
      float chroma = max - min;
      val[i] = max;
      sat[i] = max > 0 ? chroma / max : 0;
      float h;
      if (chroma == 0) {
        h = 0;
      } else if (max == rr) {
        h = ((gg - bb) / chroma) / 6f;
      } else if (max == gg) {
        h = ((bb - rr) / chroma + 2f) / 6f;
      } else {
        h = ((rr - gg) / chroma + 4f) / 6f;
      }
      hue[i] = h < 0 ? h + 1 : h;
    }
  }

  int size() {
    return WIDTH * HEIGHT;
  }
}
