package org.videoannotator.datasets;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 CSV records ({@code \n} line ends), quoting only fields that need it. */
final class CsvWriter {
  private final Writer out;

  CsvWriter(Writer out) {
    this.out = out;
  }

  void write(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quoteIfNeeded(fields.get(i)));
    }
    out.write('\n');
  }

  static String quoteIfNeeded(String field) {
    if (field == null) {
      return "";
    }
    boolean needs = field.isEmpty() ? false : field.chars().anyMatch(
        c -> c == ',' || c == '"' || c == '\n' || c == '\r') || field.charAt(0) == '\uFEFF';
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
