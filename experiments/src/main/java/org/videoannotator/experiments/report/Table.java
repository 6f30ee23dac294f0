package org.videoannotator.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table of strings that renders as CSV (RFC 4180 quoting) and as a Markdown pipe table. */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(c == null ? "" : c.toString());
    }
    rows.add(row);
    return this;
  }

  int size() {
    return rows.size();
  }

  String csv() {
    StringBuilder sb = new StringBuilder();
    csvLine(sb, header);
    rows.forEach(r -> csvLine(sb, r));
    return sb.toString();
  }

  private static void csvLine(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        sb.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append('\n');
  }

  String markdown() {
    StringBuilder sb = new StringBuilder();
    mdLine(sb, header);
    sb.append('|');
    header.forEach(h -> sb.append(" --- |"));
    sb.append('\n');
    rows.forEach(r -> mdLine(sb, r));
    return sb.toString();
  }

  private static void mdLine(StringBuilder sb, List<String> cells) {
    sb.append('|');
    cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|")).append(" |"));
    sb.append('\n');
  }

  /** A figure in AP points (x100) with one decimal, as the paper prints gains. */
  static String points(double ap) {
    return Double.isNaN(ap) ? "" : String.format(Locale.ROOT, "%.1f", ap * 100);
  }

  /** An AP with three decimals. */
  static String ap(double ap) {
    return Double.isNaN(ap) ? "" : String.format(Locale.ROOT, "%.3f", ap);
  }

  /** Full precision for CSV. */
  static String full(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
