package org.videoannotator.experiments;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.AtomicFiles;

/**
 * Reads and writes result files. NaN is written as the bare token {@code NaN}, as Python's {@code
 * json} module writes and reads it, so the reference's tools can load our files and vice versa.
 */
public final class ResultFiles {
  private static final ObjectWriter WRITER =
      Json.mapper()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

  private ResultFiles() {}

  /** Writes {@code value} as JSON to {@code file}, creating parent folders. */
  public static void write(Path file, Object value) {
    try {
      byte[] bytes = WRITER.writeValueAsBytes(value);
      AtomicFiles.replace(file, false, tmp -> Files.write(tmp, bytes));
    } catch (IOException e) {
      throw new UserException(
          file + ": cannot write (" + e.getMessage() + "); check the folder exists and is writable",
          e);
    }
  }

  /** The JSON in {@code file} as a tree. */
  public static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + ": file not found");
    }
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UserException(
          file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  /** The JSON in {@code file} as {@code type}. */
  public static <T> T read(Path file, Class<T> type) {
    try {
      return Json.mapper().treeToValue(read(file), type);
    } catch (IOException e) {
      throw new UserException(
          file
              + ": not a "
              + type.getSimpleName()
              + " file ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")",
          e);
    }
  }
}
