package org.videoannotator.server.exchange;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled. */
final class Csv {
  private Csv() {}

  /** One CSV line (with its trailing newline). */
  static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields.get(i) == null ? "" : fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    return out.append('\n').toString();
  }

  /** A parsed record and the 1-based line it starts on. */
  record Row(int line, List<String> fields) {}

  /**
   * Parses a whole CSV text; blank lines are skipped.
   *
   * @throws IllegalArgumentException for an unterminated quoted field, naming its line
   */
  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int rowStart = 1;
    int quoteStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
        fieldStarted = true;
        quoteStart = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, fields, field, fieldStarted, rowStart);
        fields = new ArrayList<>();
        fieldStarted = false;
        line++;
        rowStart = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("CSV line " + quoteStart + ": a quoted field is never closed");
    }
    endRow(rows, fields, field, fieldStarted, rowStart);
    return rows;
  }

  private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean started, int line) {
    if (started || !field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(line, List.copyOf(fields)));
    }
    field.setLength(0);
  }
}
