package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.videoannotator.core.UserException;

/** Parses {@code text-embeddings.json} ({@code {label: [floats]}}), all of one finite dimension. */
final class TextEmbeddings {
  private TextEmbeddings() {}

  /** Label to vector, sorted by label; {@code dim} is the shot embedding dimension to match. */
  static Map<String, float[]> read(Path file, int dim) {
    JsonNode root = JsonFiles.read(file);
    if (!root.isObject()) {
      throw new UserException(file + ": expected a JSON object {label: [floats]}");
    }
    Map<String, float[]> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String label = entry.getKey();
      JsonNode values = entry.getValue();
      if (!values.isArray()) {
        throw new UserException(file + ": label '" + label + "' is not an array of numbers");
      }
      if (values.size() != dim) {
        throw new UserException(
            file
                + ": label '"
                + label
                + "' has "
                + values.size()
                + " values, but the shot embeddings in embeddings.h5 have dim "
                + dim);
      }
      float[] vector = new float[dim];
      for (int i = 0; i < dim; i++) {
        JsonNode v = values.get(i);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          throw new UserException(
              file
                  + ": label '"
                  + label
                  + "' value "
                  + i
                  + " is "
                  + v
                  + "; expected a finite number");
        }
        vector[i] = (float) v.asDouble();
      }
      out.put(label, vector);
    }
    return Collections.unmodifiableMap(out);
  }
}
