package org.videoannotator.embed.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * Remembers, inside a corpus folder ({@value #FILE}), which model folder its vectors came from,
 * so that later commands (text search, the server, another ingest) can load the same text tower
 * without being told. The weights' hash in the corpus manifest still decides whether a model
 * matches; this file only says where to look.
 */
public final class ModelRecord {
  public static final String FILE = "embed-model.json";

  private ModelRecord() {}

  public static void write(Path corpusDir, Path modelDir) {
    Path tmp = corpusDir.resolve(FILE + ".tmp");
    try {
      Json.mapper().writeValue(tmp.toFile(), Map.of("model_dir", modelDir.toAbsolutePath().toString()));
      Files.move(tmp, corpusDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + corpusDir.resolve(FILE), e);
    }
  }

  /** The recorded model folder, if the corpus has a record. */
  public static Optional<Path> read(Path corpusDir) {
    Path file = corpusDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(file.toFile()).path("model_dir");
      return node.isTextual() ? Optional.of(Path.of(node.asText())) : Optional.empty();
    } catch (IOException e) {
      throw new UserException(file + " is not valid JSON (" + e.getMessage() + "); delete it and"
          + " pass --model DIR", e);
    }
  }
}
