package org.videoannotator.embed.video.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one frame of a {@link Scene} with Java2D. The scene is a seeded 2-D world (sky or wall,
 * ground or floor, buildings or furniture with windows, people) seen through a camera that pans,
 * tilts, zooms or shakes; world units are frame heights, so any output size shows the same picture.
 * Deterministic: the same scene, time and size give the same pixels.
 */
public final class SceneRenderer implements ShotSource {
  private static final double HORIZON = 0.62;

  private final Scene scene;
  private final Color sky;
  private final Color skyLow;
  private final Color ground;
  private final List<Block> blocks = new ArrayList<>();
  private final List<Figure> people = new ArrayList<>();
  private final double[] shakePhase = new double[4];

  private record Block(Rectangle2D.Double box, Color color, Color window, double windowDensity) {}

  private record Figure(double x, double height, Color body, Color head, double phase) {}

  public SceneRenderer(Scene scene) {
    this.scene = scene;
    SplittableRandom rnd = new SplittableRandom(scene.seed() * 7919 + scene.palette().ordinal());
    float hueShift = (float) (rnd.nextDouble() - 0.5) * 0.12f;
    float valueShift = (float) (rnd.nextDouble() - 0.5) * 0.16f;
    boolean night = scene.palette().night();
    switch (scene.palette()) {
      case DAY_OUTDOOR -> {
        sky = hsb(0.58f + hueShift, 0.45f, 0.95f + valueShift / 3);
        skyLow = hsb(0.56f + hueShift, 0.2f, 0.98f);
        ground = hsb(0.27f + hueShift, 0.5f, 0.55f + valueShift);
      }
      case NIGHT_OUTDOOR -> {
        sky = hsb(0.65f + hueShift, 0.7f, 0.10f);
        skyLow = hsb(0.68f + hueShift, 0.5f, 0.22f + valueShift / 3);
        ground = hsb(0.6f + hueShift, 0.3f, 0.12f);
      }
      case DAY_INDOOR -> {
        sky = hsb(0.11f + hueShift, 0.22f, 0.88f + valueShift / 3);
        skyLow = hsb(0.1f + hueShift, 0.28f, 0.8f);
        ground = hsb(0.07f + hueShift, 0.55f, 0.5f + valueShift);
      }
      default -> {
        sky = hsb(0.07f + hueShift, 0.55f, 0.32f + valueShift / 2);
        skyLow = hsb(0.06f + hueShift, 0.6f, 0.25f);
        ground = hsb(0.05f + hueShift, 0.5f, 0.15f);
      }
    }
    boolean indoor = scene.palette().indoor();
    // Blocks: buildings outdoors, furniture and frames indoors, spread over a wide world for pans.
    for (double x = -6; x < 12; ) {
      double w = indoor ? 0.15 + rnd.nextDouble() * 0.5 : 0.25 + rnd.nextDouble() * 0.6;
      double h = indoor ? 0.15 + rnd.nextDouble() * 0.45 : 0.2 + rnd.nextDouble() * 0.7;
      double top = indoor && rnd.nextBoolean() ? 0.1 + rnd.nextDouble() * 0.2 : HORIZON - h;
      float hue = (float) rnd.nextDouble();
      float sat = (float) (0.15 + rnd.nextDouble() * 0.5);
      float val =
          night
              ? (float) (0.08 + rnd.nextDouble() * 0.15)
              : (float) (0.35 + rnd.nextDouble() * 0.5);
      Color window =
          night
              ? hsb(0.13f, 0.7f, 0.95f)
              : hsb(0.58f, 0.3f, 0.35f + (float) rnd.nextDouble() * 0.4f);
      blocks.add(
          new Block(
              new Rectangle2D.Double(x, top, w, h),
              hsb(hue, sat, val),
              window,
              night ? 0.45 : 0.8));
      x += w + rnd.nextDouble() * 0.25;
    }
    double span = 16.0 / 9.0;
    for (int i = 0; i < scene.figures(); i++) {
      double x = scene.figures() == 1 ? span / 2 : 0.1 + rnd.nextDouble() * (span - 0.2);
      double h =
          (scene.framing() == Scene.Framing.CLOSE ? 0.55 : 0.3) * (0.85 + rnd.nextDouble() * 0.3);
      Color body = hsb((float) rnd.nextDouble(), 0.6f, night ? 0.35f : 0.75f);
      Color head = hsb(0.07f, 0.4f, night ? 0.3f : 0.8f - (float) rnd.nextDouble() * 0.4f);
      people.add(new Figure(x, h, body, head, rnd.nextDouble() * Math.PI * 2));
    }
    for (int i = 0; i < shakePhase.length; i++) {
      shakePhase[i] = rnd.nextDouble() * Math.PI * 2;
    }
  }

  private static Color hsb(float h, float s, float b) {
    return Color.getHSBColor(h - (float) Math.floor(h), clamp(s), clamp(b));
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  /** Draws the scene at local frame {@code t} into {@code img} (TYPE_INT_RGB). */
  @Override
  public void draw(BufferedImage img, int t) {
    int width = img.getWidth();
    int height = img.getHeight();
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      AffineTransform screen = g.getTransform();
      AffineTransform camera = cameraTransform(screen, width, height, t);
      g.setTransform(camera);
      drawWorld(g, t, visibleWorld(camera, width, height));
      g.setTransform(screen);
      drawText(g, width, height);
    } finally {
      g.dispose();
    }
  }

  private AffineTransform cameraTransform(AffineTransform base, int width, int height, int t) {
    double aspect = (double) width / height;
    double scale = scene.framing() == Scene.Framing.CLOSE ? 2.0 : 1.0;
    double cx = 16.0 / 9.0 / 2;
    double cy = scene.framing() == Scene.Framing.CLOSE ? 0.42 : 0.5;
    switch (scene.camera()) {
      case PAN -> cx += 0.012 * aspect * t / scale;
      case FAST_PAN -> cx += 0.06 * aspect * t / scale;
      case TILT -> cy -= 0.008 * t / scale;
      case ZOOM -> scale *= 1 + 0.012 * t;
      case SHAKE -> {
        cx += 0.018 * (Math.sin(t * 0.9 + shakePhase[0]) + 0.6 * Math.sin(t * 2.3 + shakePhase[1]));
        cy += 0.014 * (Math.sin(t * 1.1 + shakePhase[2]) + 0.6 * Math.sin(t * 2.9 + shakePhase[3]));
      }
      default -> {}
    }
    AffineTransform at = new AffineTransform(base);
    at.translate(width / 2.0, height / 2.0);
    at.scale(scale * height, scale * height);
    if (scene.camera() == Scene.Camera.SHAKE) {
      at.rotate(0.01 * Math.sin(t * 1.7 + shakePhase[0]));
    }
    at.translate(-cx, -cy);
    return at;
  }

  /** The world rectangle the camera sees (slightly enlarged), to skip drawing the rest. */
  private static Rectangle2D visibleWorld(AffineTransform camera, int width, int height) {
    try {
      Rectangle2D r =
          camera
              .createInverse()
              .createTransformedShape(new Rectangle2D.Double(0, 0, width, height))
              .getBounds2D();
      r.setRect(r.getX() - 0.1, r.getY() - 0.1, r.getWidth() + 0.2, r.getHeight() + 0.2);
      return r;
    } catch (NoninvertibleTransformException e) {
      throw new IllegalStateException("camera transform cannot be inverted", e);
    }
  }

  private void drawWorld(Graphics2D g, int t, Rectangle2D view) {
    g.setPaint(new GradientPaint(0f, -3f, sky, 0f, (float) HORIZON, skyLow));
    g.fill(new Rectangle2D.Double(-20, -4, 40, 4 + HORIZON));
    g.setColor(ground);
    g.fill(new Rectangle2D.Double(-20, HORIZON, 40, 4));
    // ground texture: stripes give edges to follow during pans and tilts
    g.setColor(ground.darker());
    g.setStroke(new BasicStroke(0.006f));
    double firstStripe = Math.floor((view.getMinX() - 1) / 0.23) * 0.23;
    for (double x = firstStripe; x < view.getMaxX() + 1.6; x += 0.23) {
      g.draw(new Line2D.Double(x, HORIZON, x - 0.4, HORIZON + 1.5));
    }
    if (scene.palette().night() && !scene.palette().indoor()) {
      g.setColor(new Color(250, 250, 220));
      g.fill(new Ellipse2D.Double(1.2, -0.05, 0.12, 0.12));
    }
    for (Block b : blocks) {
      if (!b.box().intersects(view)) {
        continue;
      }
      g.setColor(b.color());
      g.fill(b.box());
      drawWindows(g, b);
    }
    double bob = 0.01;
    for (Figure f : people) {
      double x = f.x() + 0.015 * Math.sin(t * 0.15 + f.phase());
      double top = HORIZON + 0.06 - f.height() + bob * Math.sin(t * 0.5 + f.phase());
      double w = f.height() * 0.32;
      g.setColor(f.body());
      g.fill(
          new RoundRectangle2D.Double(
              x - w / 2, top + f.height() * 0.22, w, f.height() * 0.78, w * 0.5, w * 0.5));
      g.setColor(f.head());
      double head = f.height() * 0.22;
      g.fill(new Ellipse2D.Double(x - head / 2, top, head, head));
    }
  }

  private static void drawWindows(Graphics2D g, Block b) {
    Rectangle2D.Double r = b.box();
    double cell = 0.06;
    long hash = Double.doubleToLongBits(r.x * 31 + r.y);
    g.setColor(b.window());
    int i = 0;
    for (double y = r.y + cell * 0.5; y + cell * 0.6 < r.y + r.height; y += cell) {
      for (double x = r.x + cell * 0.4; x + cell * 0.6 < r.x + r.width; x += cell) {
        i++;
        long h = hash * 6364136223846793005L + i * 1442695040888963407L;
        if (((h >>> 33) & 1023) / 1024.0 < b.windowDensity()) {
          g.fill(new Rectangle2D.Double(x, y, cell * 0.55, cell * 0.6));
        }
      }
    }
  }

  private void drawText(Graphics2D g, int width, int height) {
    if (scene.text().isEmpty()) {
      return;
    }
    int barH = Math.max(8, height / 7);
    g.setColor(new Color(10, 10, 40));
    g.fillRect(0, height - barH - height / 20, width, barH);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, barH * 3 / 4)));
    g.drawString(scene.text(), width / 30, height - height / 20 - barH / 5);
  }
}
