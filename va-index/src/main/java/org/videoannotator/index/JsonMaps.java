package org.videoannotator.index;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/** Reads the corpus's small JSON maps; an absent file is an empty map. */
final class JsonMaps {
  private JsonMaps() {}

  static <T extends Map<?, ?>> T read(Path file, TypeReference<T> type) {
    try {
      if (!Files.exists(file)) {
        return Json.mapper().readValue("{}", type);
      }
      return Json.mapper().readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UserException(
          file + " is not valid JSON: " + e.getMessage() + "; fix or delete it", e);
    }
  }
}
