package org.videoannotator.embed.video.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Whole-frame pixel operations on TYPE_INT_RGB images for the synthetic renderer. */
public final class Pixels {
  private Pixels() {}

  /** {@code a = (1 - w) * a + w * b}. */
  public static void blend(BufferedImage a, BufferedImage b, double w) {
    int[] pa = data(a);
    int[] pb = data(b);
    int wb = (int) Math.round(w * 256);
    int wa = 256 - wb;
    for (int i = 0; i < pa.length; i++) {
      int x = pa[i];
      int y = pb[i];
      int r = (((x >> 16) & 255) * wa + ((y >> 16) & 255) * wb + 128) >> 8;
      int g = (((x >> 8) & 255) * wa + ((y >> 8) & 255) * wb + 128) >> 8;
      int bl = ((x & 255) * wa + (y & 255) * wb + 128) >> 8;
      pa[i] = (r << 16) | (g << 8) | bl;
    }
  }

  /** Multiplies every channel by {@code f} (clamped), like light going down or up. */
  public static void scale(BufferedImage a, double f) {
    int[] p = data(a);
    int k = (int) Math.round(f * 256);
    for (int i = 0; i < p.length; i++) {
      int x = p[i];
      int r = Math.min(255, (((x >> 16) & 255) * k + 128) >> 8);
      int g = Math.min(255, (((x >> 8) & 255) * k + 128) >> 8);
      int b = Math.min(255, ((x & 255) * k + 128) >> 8);
      p[i] = (r << 16) | (g << 8) | b;
    }
  }

  /** Frames a {@link ShotPlan.Event.Kind#DECAYING_FLASH} takes to fade back after its peak. */
  public static final int FLASH_DECAY = 4;

  private static final double[] DECAY = {0.6, 0.35, 0.18, 0.07};

  /**
   * Draws the effect of {@code e} on a frame at the shot's local time {@code t}; {@code seed} makes
   * random patterns differ between shots and stay the same between runs.
   */
  public static void applyEvent(
      BufferedImage img, ShotPlan.Event e, int t, boolean night, long seed) {
    int rel = t - e.at();
    if (rel < 0) {
      return;
    }
    switch (e.kind()) {
      case FLASH -> {
        if (rel < e.frames()) {
          blendToward(img, 0xF8F8F0, 0.85);
        }
      }
      case DECAYING_FLASH -> {
        if (rel < e.frames()) {
          blendToward(img, 0xFAFAF4, 0.9);
        } else if (rel < e.frames() + FLASH_DECAY) {
          blendToward(img, 0xFAFAF4, DECAY[rel - e.frames()]);
        }
      }
      case NOISE -> {
        if (rel < e.frames()) {
          int[] p = data(img);
          SplittableRandom random = new SplittableRandom(seed * 1_000_003L + t);
          for (int i = 0; i < p.length; i++) {
            int v = 40 + random.nextInt(200);
            p[i] = (v << 16) | (v << 8) | v;
          }
        }
      }
      case SPARKLE -> {
        if (rel < e.frames()) {
          sparkle(img, new SplittableRandom(seed * 1_000_003L + t));
        }
      }
      case LIGHTING -> {
        double full = night ? 1.7 : 0.55;
        double done = Math.min(1.0, (rel + 1.0) / e.frames());
        scale(img, 1 + (full - 1) * done);
      }
      case OBJECT_ENTERS -> {
        double done = Math.min(1.0, (rel + 1.0) / e.frames());
        int w = img.getWidth();
        int h = img.getHeight();
        double objW = 0.5 * w;
        double x = -objW + done * (objW + 0.08 * w);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(150, 30, 25));
        g.fill(new RoundRectangle2D.Double(x, 0.12 * h, objW, 0.85 * h, 0.1 * w, 0.1 * w));
        g.setColor(new Color(230, 200, 60));
        g.fill(new RoundRectangle2D.Double(x + 0.1 * objW, 0.3 * h, 0.3 * objW, 0.2 * h, 8, 8));
        g.dispose();
      }
      default -> throw new IllegalStateException("unknown event " + e);
    }
  }

  /**
   * Bright cells (about a third of a grid of 1/24-width squares) in random saturated colours on a
   * dark ground, a new set every frame: edges, structure and colours all change completely.
   */
  private static void sparkle(BufferedImage img, SplittableRandom random) {
    int w = img.getWidth();
    int h = img.getHeight();
    int cell = Math.max(2, w / 24);
    int[] p = data(img);
    Arrays.fill(p, 0x0C0E12);
    for (int y = 0; y + cell <= h; y += cell) {
      for (int x = 0; x + cell <= w; x += cell) {
        if (random.nextInt(3) == 0) {
          int v =
              Color.HSBtoRGB(
                      random.nextFloat(),
                      0.6f + 0.4f * random.nextFloat(),
                      0.8f + 0.2f * random.nextFloat())
                  & 0xFFFFFF;
          for (int dy = 0; dy < cell; dy++) {
            Arrays.fill(p, (y + dy) * w + x, (y + dy) * w + x + cell, v);
          }
        }
      }
    }
  }

  private static void blendToward(BufferedImage img, int rgb, double w) {
    BufferedImage solid =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Arrays.fill(data(solid), rgb);
    blend(img, solid, w);
  }

  private static int[] data(BufferedImage img) {
    if (img.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("need TYPE_INT_RGB, got type " + img.getType());
    }
    return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
  }
}
