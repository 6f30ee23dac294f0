package org.videoannotator.embed.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders test shots: a seeded random world (day or night palette) filmed by a virtual camera that
 * stays still, pans, zooms in or shakes, sampled the way ingest samples (2 frames per second at 24
 * fps, each with the frame two later for motion).
 */
public final class CameraShots {
  public enum Move {
    STATIC,
    PAN,
    ZOOM,
    SHAKE
  }

  public static final int WIDTH = 160;
  public static final int HEIGHT = 90;
  public static final double FPS = 24;
  private static final int WORLD_W = 720;
  private static final int WORLD_H = 405;
  private static final int GAP = 2;

  private CameraShots() {}

  /** A 2-second shot of a world drawn from {@code seed}. */
  public static ShotFrames shot(Move move, boolean night, long seed) {
    BufferedImage world = world(night, seed);
    SplittableRandom shake = new SplittableRandom(seed * 31 + 7);
    int frames = 48;
    // Camera path precomputed for every frame so shake is the same for a frame and its partner.
    double[][] path = new double[frames + GAP][];
    for (int f = 0; f < path.length; f++) {
      double cx = WORLD_W / 2.0;
      double cy = WORLD_H / 2.0;
      double w = 320;
      switch (move) {
        case PAN -> cx += (f - frames / 2.0) * 3.5;
        case ZOOM -> w = 320 * Math.pow(0.985, f);
        case SHAKE -> {
          cx += shake.nextDouble(-5, 5);
          cy += shake.nextDouble(-5, 5);
        }
        case STATIC -> {}
      }
      path[f] = new double[] {cx, cy, w};
    }
    List<SampledFrame> sampled = new ArrayList<>();
    for (int f = 0; f < frames; f += 12) {
      sampled.add(
          new SampledFrame(f, f / FPS, view(world, path[f]), view(world, path[f + GAP]), GAP));
    }
    return new ShotFrames(0, frames - 1, FPS, sampled, 12);
  }

  private static BufferedImage view(BufferedImage world, double[] camera) {
    double w = camera[2];
    double h = w * HEIGHT / WIDTH;
    BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.scale(WIDTH / w, HEIGHT / h);
    g.translate(-(camera[0] - w / 2), -(camera[1] - h / 2));
    g.drawImage(world, 0, 0, null);
    g.dispose();
    return out;
  }

  private static BufferedImage world(boolean night, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(WORLD_W, WORLD_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color sky = night ? new Color(10, 12, 35) : new Color(120 + rnd.nextInt(40), 170, 235);
    Color ground = night ? new Color(20, 22, 28) : new Color(90 + rnd.nextInt(60), 140, 70);
    g.setColor(sky);
    g.fillRect(0, 0, WORLD_W, WORLD_H / 2);
    g.setColor(ground);
    g.fillRect(0, WORLD_H / 2, WORLD_W, WORLD_H / 2);
    for (int i = 0; i < 160; i++) {
      int base = night ? 25 + rnd.nextInt(50) : 60 + rnd.nextInt(180);
      g.setColor(
          new Color(
              clamp(base + rnd.nextInt(-30, 30)),
              clamp(base + rnd.nextInt(-30, 30)),
              clamp(base + rnd.nextInt(-30, 30))));
      int x = rnd.nextInt(WORLD_W);
      int y = rnd.nextInt(WORLD_H);
      int s = 8 + rnd.nextInt(40);
      if (rnd.nextBoolean()) {
        g.fillRect(x, y, s, s / 2 + rnd.nextInt(s));
      } else {
        g.fillOval(x, y, s, s);
      }
    }
    if (night) { // a few lit windows and lamps
      for (int i = 0; i < 25; i++) {
        g.setColor(new Color(255, 220, 140));
        g.fillRect(rnd.nextInt(WORLD_W), rnd.nextInt(WORLD_H), 4, 6);
      }
    }
    g.dispose();
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
