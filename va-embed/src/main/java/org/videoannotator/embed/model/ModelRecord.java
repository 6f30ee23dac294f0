package org.videoannotator.embed.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.index.CorpusLayout;

/**
 * Remembers, inside a corpus folder ({@link CorpusLayout#EMBED_MODEL}), which model folder its
 * vectors came from, so that later commands (text search, the server, another ingest) can load the
 * same text tower without being told. The weights' hash in the corpus manifest still decides
 * whether a model matches; this file only says where to look.
 */
public final class ModelRecord {

  private ModelRecord() {}

  public static void write(Path corpusDir, Path modelDir) {
    AtomicFiles.writeJson(
        CorpusLayout.of(corpusDir).embedModel(),
        Map.of("model_dir", modelDir.toAbsolutePath().toString()));
  }

  /** The recorded model folder, if the corpus has a record. */
  public static Optional<Path> read(Path corpusDir) {
    Path file = CorpusLayout.of(corpusDir).embedModel();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(file.toFile()).path("model_dir");
      return node.isTextual() ? Optional.of(Path.of(node.asText())) : Optional.empty();
    } catch (IOException e) {
      throw new UserException(
          file + " is not valid JSON (" + e.getMessage() + "); delete it and" + " pass --model DIR",
          e);
    }
  }
}
