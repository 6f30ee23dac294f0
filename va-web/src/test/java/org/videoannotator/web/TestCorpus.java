package org.videoannotator.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.videoannotator.embed.media.PreviewWriter;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;

/**
 * A small corpus for the browser tests, generated from a seed: clips in topical clusters (the
 * vectors are noisy copies of one centre per cluster, the words name the topic) with thumbnails
 * drawn by Java2D, written through va-index's real {@link Corpus} API.
 */
final class TestCorpus {
  static final int DIM = 32;
  static final int VIDEOS = 12;
  static final int SHOTS_PER_VIDEO = 30;
  static final double FPS = 24.0;

  /** Clips of the first videos also get an H.264 hover preview (encoding all would be slow). */
  static final int VIDEOS_WITH_PREVIEWS = 2;

  private static final int PREVIEW_FRAMES = 8;

  /** Topic of each cluster: the words of its clips, and its thumbnail colour. */
  record Topic(String words, Color color) {}

  static final List<Topic> TOPICS =
      List.of(
          new Topic("car chase explosion on a highway", new Color(0xD9480F)),
          new Topic("couple kiss and hug in the rain", new Color(0xC2255C)),
          new Topic("spaceship robot alien planet", new Color(0x5F3DC4)),
          new Topic("forest mountain landscape at dawn", new Color(0x2B8A3E)),
          new Topic("city street at night with neon", new Color(0x1864AB)),
          new Topic("dog and cat playing in a garden", new Color(0xE67700)));

  private TestCorpus() {}

  /** Writes the corpus into {@code dir} (which must not hold one) and returns its clip count. */
  static int write(Path dir, long seed) throws IOException {
    Random random = new Random(seed);
    float[][] centres = new float[TOPICS.size()][DIM];
    for (float[] centre : centres) {
      for (int d = 0; d < DIM; d++) {
        centre[d] = (float) random.nextGaussian();
      }
    }
    List<ClipVector> batch = new ArrayList<>();
    List<Clip> clips = new ArrayList<>();
    for (int v = 0; v < VIDEOS; v++) {
      String video = "movie-%02d.mp4".formatted(v);
      for (int s = 0; s < SHOTS_PER_VIDEO; s++) {
        int cluster = random.nextInt(TOPICS.size());
        int frameIn = s * 120;
        int frameOut = frameIn + 80 + random.nextInt(40);
        Clip clip =
            new Clip(
                video.replace(".mp4", "") + "|" + frameIn,
                video,
                "",
                "Movie %02d, shot %d".formatted(v, s + 1),
                frameIn / FPS,
                (frameOut + 1) / FPS,
                frameIn,
                frameOut,
                FPS,
                cluster,
                TOPICS.get(cluster).words(),
                Map.of());
        float[] vector = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          vector[d] = centres[cluster][d] + 0.45f * (float) random.nextGaussian();
        }
        batch.add(new ClipVector(clip, vector));
        clips.add(clip);
      }
    }
    try (Corpus corpus =
        Corpus.open(dir, CorpusOptions.create(EmbedderInfo.of("test-clusters", "1"), DIM))) {
      corpus.append(batch);
      for (Clip clip : clips) {
        Path file = corpus.layout().thumbnail(clip.key());
        Files.createDirectories(file.getParent());
        BufferedImage still = thumbnail(clip, new Random(seed ^ clip.key().hashCode()));
        ImageIO.write(still, "jpg", file.toFile());
        if (clip.video().compareTo("movie-%02d.mp4".formatted(VIDEOS_WITH_PREVIEWS)) < 0) {
          Path preview = corpus.layout().preview(clip.key());
          Files.createDirectories(preview.getParent());
          PreviewWriter.write(previewFrames(still), preview);
        }
      }
    }
    return clips.size();
  }

  /** The thumbnail with a bright ball crossing it: motion that shows the preview plays. */
  static List<BufferedImage> previewFrames(BufferedImage still) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; i < PREVIEW_FRAMES; i++) {
      BufferedImage frame =
          new BufferedImage(still.getWidth(), still.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = frame.createGraphics();
      g.drawImage(still, 0, 0, null);
      g.setColor(Color.YELLOW);
      g.fillOval(10 + i * (still.getWidth() - 60) / (PREVIEW_FRAMES - 1), 50, 40, 40);
      g.dispose();
      frames.add(frame);
    }
    return frames;
  }

  /** A 320x180 picture in the clip's topic colour, with a few shapes and its title. */
  static BufferedImage thumbnail(Clip clip, Random random) {
    BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Color base = TOPICS.get(clip.cluster()).color();
      g.setPaint(new GradientPaint(0, 0, base.brighter(), 320, 180, base.darker().darker()));
      g.fillRect(0, 0, 320, 180);
      for (int i = 0; i < 5; i++) {
        g.setColor(new Color(255, 255, 255, 40 + random.nextInt(60)));
        int size = 20 + random.nextInt(70);
        if (i % 2 == 0) {
          g.fillOval(random.nextInt(300), random.nextInt(160), size, size);
        } else {
          g.setStroke(new BasicStroke(3));
          g.drawRect(random.nextInt(300), random.nextInt(160), size, size / 2);
        }
      }
      g.setColor(new Color(0, 0, 0, 110));
      g.fillRect(0, 138, 320, 42);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(clip.text().split(" ")[0].toUpperCase() + " · " + clip.title(), 10, 156);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString("frames %d–%d".formatted(clip.frameIn(), clip.frameOut()), 10, 172);
    } finally {
      g.dispose();
    }
    return image;
  }
}
