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

  /**
   * Label to vector as the JSON numbers read in double precision, sorted by label; {@code dim} is
   * the shot embedding dimension to match.
   */
  static Map<String, double[]> read(Path file, int dim) {
    JsonNode root = JsonFiles.read(file);
    if (!root.isObject()) {
      throw new UserException(file + ": expected a JSON object {label: [floats]}");
    }
    Map<String, double[]> out = new TreeMap<>();
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
      double[] vector = new double[dim];
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
        vector[i] = v.asDouble();
      }
      out.put(label, vector);
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@code vector} rounded to float, as the shot embeddings are stored. */
  static float[] toFloat(double[] vector) {
    float[] out = new float[vector.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) vector[i];
    }
    return out;
  }
}
