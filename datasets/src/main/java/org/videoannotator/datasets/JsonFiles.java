package org.videoannotator.datasets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/** Reads JSON files into trees with one-line errors that name the file and the position. */
final class JsonFiles {
  private JsonFiles() {}

  static JsonNode read(Path file) {
    try {
      JsonNode node = Json.mapper().readTree(file.toFile());
      if (node == null || node.isMissingNode()) {
        throw new UserException(file + ": empty file; expected JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new UserException(
          file
              + where
              + ": malformed JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")",
          e);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new UserException(file + ": file not found", e);
    } catch (IOException e) {
      throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
