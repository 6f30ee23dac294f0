package org.videoannotator.embed.model.clip;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.videoannotator.core.Json;

/**
 * The committed tiny random-weight CLIP (made by va-embed/scripts/make_tiny_clip.py) and the golden
 * outputs PyTorch computed for it.
 */
public final class TinyClip {
  private TinyClip() {}

  public static Path root() {
    try {
      return Path.of(TinyClip.class.getResource("/tiny-clip/golden.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Folder with one model.pt (encode_image / encode_text) and vocab.json + merges.txt. */
  public static Path single() {
    return root().resolve("single");
  }

  /** Folder with image_encoder.pt + text_encoder.pt and tokenizer.json. */
  public static Path split() {
    return root().resolve("split");
  }

  public static JsonNode golden() throws IOException {
    return Json.mapper().readTree(root().resolve("golden.json").toFile());
  }

  /** The script's test pictures, by the same formulas. */
  public static BufferedImage pattern(int kind, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int r;
        int g;
        int b;
        if (kind == 0) {
          r = (x * 7 + y * 3) % 256;
          g = (x * y) % 256;
          b = Math.floorMod(255 - x * 5, 256);
        } else {
          r = (y * 8) % 256;
          g = (x * 8 + 40) % 256;
          b = ((x + y) * 4) % 256;
        }
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  public static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }
}
