package org.videoannotator.embed.model.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.model.FileHash;

/**
 * A validated CLIP model folder. Two layouts:
 *
 * <ul>
 *   <li>{@code model.pt}: one TorchScript module with {@code encode_image} and {@code encode_text}
 *       methods;
 *   <li>{@code image_encoder.pt} (+ {@code text_encoder.pt}, optional: without it the model has no
 *       text tower): TorchScript modules whose {@code forward} is the tower;
 * </ul>
 *
 * plus {@code config.json} ({@link ClipConfig}) and the tokenizer ({@code vocab.json} + {@code
 * merges.txt}, or {@code tokenizer.json}) when there is a text tower.
 *
 * @param dir the folder
 * @param single whether the layout is the single {@code model.pt}
 * @param config the parsed config
 * @param version short content hash of the weight files, recorded in the corpus manifest
 */
public record ClipModelFolder(Path dir, boolean single, ClipConfig config, String version) {
  public static final String SINGLE = "model.pt";
  public static final String IMAGE = "image_encoder.pt";
  public static final String TEXT = "text_encoder.pt";
  public static final String CONFIG = "config.json";
  private static final String HOW =
      "; export a model with va-embed/scripts/export_clip.py "
          + "(see va-embed/README.md, 'CLIP model folder')";

  /** Checks the folder, naming the first missing or malformed file. */
  public static ClipModelFolder open(Path dir) {
    if (dir == null) {
      throw new UserException("the clip embedder needs a model folder: pass --model DIR" + HOW);
    }
    if (!Files.isDirectory(dir)) {
      throw new UserException("CLIP model folder " + dir + " does not exist" + HOW);
    }
    boolean single = Files.isRegularFile(dir.resolve(SINGLE));
    if (!single && !Files.isRegularFile(dir.resolve(IMAGE))) {
      throw new UserException(
          "CLIP model folder " + dir + " has neither " + SINGLE + " nor " + IMAGE + HOW);
    }
    if (!Files.isRegularFile(dir.resolve(CONFIG))) {
      throw new UserException("CLIP model folder " + dir + " lacks " + CONFIG + HOW);
    }
    ClipConfig config = ClipConfig.read(dir.resolve(CONFIG));
    String version =
        single
            ? hash(dir.resolve(SINGLE))
            : hash(dir.resolve(IMAGE))
                + (Files.isRegularFile(dir.resolve(TEXT)) ? "+" + hash(dir.resolve(TEXT)) : "");
    return new ClipModelFolder(dir, single, config, version);
  }

  public boolean hasTextTower() {
    return single || Files.isRegularFile(dir.resolve(TEXT));
  }

  /** First 12 hex digits of the file's SHA-256: identifies the weights, not where they live. */
  private static String hash(Path file) {
    try {
      return FileHash.sha256(file).substring(0, 12);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
