package org.videoannotator.embed.precomputed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvReader;

/**
 * Vectors as CSV rows {@code key,v1,...,vd} (an optional header row whose second field is not a
 * number is skipped). Read whole: CSV is for modest sizes; use .npy or .h5 for large sets.
 */
final class CsvRows implements RowSource {
  private final List<String> keys = new ArrayList<>();
  private final List<float[]> vectors = new ArrayList<>();
  private final int dim;

  CsvRows(Path file) throws IOException {
    int width = -1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(in, file.toString());
      boolean first = true;
      for (CsvReader.Row record = csv.next(); record != null; record = csv.next(), first = false) {
        long lineNo = record.line();
        List<String> fields = record.fields();
        if (first && fields.size() > 1 && !isNumber(fields.get(1))) {
          continue; // header
        }
        if (fields.size() < 2) {
          throw new UserException(
              file
                  + " line "
                  + lineNo
                  + ": expected key,v1,...,vd, got "
                  + fields.size()
                  + " field(s)");
        }
        if (width < 0) {
          width = fields.size() - 1;
        } else if (fields.size() - 1 != width) {
          throw new UserException(
              file
                  + " line "
                  + lineNo
                  + ": "
                  + (fields.size() - 1)
                  + " values where earlier rows have "
                  + width);
        }
        float[] v = new float[width];
        for (int j = 0; j < width; j++) {
          try {
            v[j] = Float.parseFloat(fields.get(j + 1).strip());
          } catch (NumberFormatException e) {
            throw new UserException(
                file
                    + " line "
                    + lineNo
                    + " column "
                    + (j + 2)
                    + ": '"
                    + fields.get(j + 1)
                    + "' is not a number");
          }
        }
        keys.add(fields.get(0).strip());
        vectors.add(v);
      }
    }
    if (vectors.isEmpty()) {
      throw new UserException(file + " holds no vectors; expected rows key,v1,...,vd");
    }
    dim = width;
  }

  private static boolean isNumber(String s) {
    try {
      Float.parseFloat(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public int rows() {
    return vectors.size();
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public float[][] read(int from, int count) {
    return vectors.subList(from, from + count).toArray(new float[0][]);
  }

  @Override
  public Optional<List<String>> keys() {
    return Optional.of(keys);
  }
}
