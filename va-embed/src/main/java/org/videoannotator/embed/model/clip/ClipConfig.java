package org.videoannotator.embed.model.clip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * A CLIP model folder's {@code config.json}.
 *
 * @param modelName free-form name of the checkpoint (recorded in the corpus manifest)
 * @param imageSize square input side in pixels (224 for ViT-B/32)
 * @param mean per-channel RGB mean subtracted after scaling to [0, 1]
 * @param std per-channel RGB standard deviation divided by
 * @param contextLength token positions of the text tower (77 for CLIP)
 * @param embedDim length of the joint embedding
 */
public record ClipConfig(
    String modelName, int imageSize, float[] mean, float[] std, int contextLength, int embedDim) {

  public ClipConfig {
    if (imageSize < 8 || contextLength < 3 || embedDim < 1 || mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException(
          "bad CLIP config: image_size="
              + imageSize
              + " context_length="
              + contextLength
              + " embed_dim="
              + embedDim
              + " mean/std need 3 values each");
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("bad CLIP config: std values must be > 0, got " + s);
      }
    }
  }

  /** Reads and validates {@code file}; any problem is a {@link UserException} naming the file. */
  public static ClipConfig read(Path file) {
    try {
      JsonNode n = Json.mapper().readTree(file.toFile());
      return new ClipConfig(
          text(n, "model_name", file),
          integer(n, "image_size", file),
          floats(n, "mean", file),
          floats(n, "std", file),
          integer(n, "context_length", file),
          integer(n, "embed_dim", file));
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(
          "cannot read CLIP config "
              + file
              + ": "
              + e.getMessage()
              + " (expected keys model_name, image_size, mean, std, context_length, embed_dim;"
              + " see va-embed/README.md)",
          e);
    }
  }

  private static JsonNode field(JsonNode n, String key, Path file) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing key '" + key + "'");
    }
    return v;
  }

  private static String text(JsonNode n, String key, Path file) {
    return field(n, key, file).asText();
  }

  private static int integer(JsonNode n, String key, Path file) {
    JsonNode v = field(n, key, file);
    if (!v.canConvertToInt()) {
      throw new IllegalArgumentException("'" + key + "' must be an integer, got " + v);
    }
    return v.asInt();
  }

  private static float[] floats(JsonNode n, String key, Path file) {
    JsonNode v = field(n, key, file);
    if (!v.isArray()) {
      throw new IllegalArgumentException("'" + key + "' must be an array of 3 numbers, got " + v);
    }
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) v.get(i).asDouble();
    }
    return out;
  }
}
