package org.videoannotator.core.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV records ({@code \n} line ends), quoting only fields that need it (a comma,
 * quote, line break, or a leading byte order mark); a null field is written empty.
 */
public final class CsvWriter {
  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void write(List<String> fields) throws IOException {
    out.write(line(fields));
  }

  /** One record with its trailing {@code \n}. */
  public static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quoteIfNeeded(fields.get(i)));
    }
    return line.append('\n').toString();
  }

  public static String quoteIfNeeded(String field) {
    if (field == null) {
      return "";
    }
    boolean needs =
        field.isEmpty()
            ? false
            : field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                || field.charAt(0) == '\uFEFF';
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
