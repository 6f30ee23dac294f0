package org.videoannotator.embed.model.descriptor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The text-on-screen and crowd proxies respond to what they stand for. */
class AppearanceFeaturesTest {
  private static BufferedImage canvas(Graphics2DPainter painter) {
    BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(90, 120, 150));
    g.fillRect(0, 0, 320, 180);
    painter.paint(g);
    g.dispose();
    return img;
  }

  private interface Graphics2DPainter {
    void paint(Graphics2D g);
  }

  private static double text(BufferedImage img) {
    FramePixels p = new FramePixels(img);
    float[] gx = new float[p.size()];
    for (int y = 0; y < FramePixels.HEIGHT; y++) {
      for (int x = 1; x < FramePixels.WIDTH - 1; x++) {
        int i = y * FramePixels.WIDTH + x;
        gx[i] = 0.5f * (p.luma[i + 1] - p.luma[i - 1]);
      }
    }
    return AppearanceFeatures.textStrokeDensity(gx, FramePixels.WIDTH, FramePixels.HEIGHT);
  }

  private static int blobs(BufferedImage img) {
    FramePixels p = new FramePixels(img);
    return AppearanceFeatures.blobCount(p.luma, FramePixels.WIDTH, FramePixels.HEIGHT);
  }

  @Test
  void captionTextRaisesTheStrokeDensity() {
    BufferedImage plain =
        canvas(
            g -> {
              g.setColor(new Color(40, 60, 40));
              g.fillOval(60, 40, 200, 120);
            });
    BufferedImage captioned =
        canvas(
            g -> {
              g.setColor(new Color(40, 60, 40));
              g.fillOval(60, 40, 200, 120);
              g.setColor(Color.WHITE);
              g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
              g.drawString("BREAKING NEWS LIVE", 10, 40);
              g.drawString("MARKETS FALL 50%", 20, 160);
            });
    assertTrue(
        text(captioned) > 2 * text(plain) + 0.01,
        "text " + text(captioned) + " vs plain " + text(plain));
  }

  @Test
  void aCrowdHasManyMoreBlobsThanOneFigure() {
    BufferedImage single =
        canvas(
            g -> {
              g.setColor(new Color(200, 170, 140));
              g.fillRoundRect(140, 40, 40, 120, 20, 20);
            });
    SplittableRandom rnd = new SplittableRandom(5);
    BufferedImage crowd =
        canvas(
            g -> {
              for (int i = 0; i < 25; i++) {
                g.setColor(
                    new Color(
                        150 + rnd.nextInt(100), 100 + rnd.nextInt(100), 60 + rnd.nextInt(100)));
                g.fillRoundRect(10 + (i % 9) * 34, 30 + (i / 9) * 50, 14, 38, 8, 8);
              }
            });
    assertTrue(
        blobs(crowd) >= 4 * Math.max(1, blobs(single)),
        "crowd " + blobs(crowd) + " vs single " + blobs(single));
  }
}
