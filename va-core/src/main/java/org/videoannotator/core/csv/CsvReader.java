package org.videoannotator.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.UserException;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes, a quote
 * inside a quoted field doubled, quoted fields may hold commas and line breaks; records end with
 * LF, CRLF or CR. A leading UTF-8 byte order mark is dropped and blank lines are skipped (as pandas
 * does). Every record carries the physical line it starts on, for error messages. Not thread-safe.
 */
public final class CsvReader implements AutoCloseable {
  /** One record and the 1-based line of the file it starts on. */
  public record Row(List<String> fields, long line) {
    public Row {
      fields = List.copyOf(fields);
    }
  }

  private static final int EOF = -1;

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[1 << 16];
  private int length;
  private int position;
  private long line = 1;
  private boolean started;

  /** Reads {@code in}; {@code source} names it in error messages (a path, "request body"). */
  public CsvReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Every record of {@code text}. */
  public static List<Row> parse(String text, String source) {
    List<Row> rows = new ArrayList<>();
    CsvReader reader = new CsvReader(new StringReader(text), source);
    for (Row row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    return rows;
  }

  /**
   * The next record, or {@code null} at the end of the input.
   *
   * @throws UserException for a quoted field never closed or text after a closing quote, naming the
   *     source and line
   */
  public Row next() {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
    while (true) {
      int c = peek();
      if (c == EOF) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        readLineBreak();
        continue;
      }
      return readRecord();
    }
  }

  private Row readRecord() {
    long startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      field.setLength(0);
      int c = peek();
      if (c == '"') {
        readQuoted(field, startLine);
        c = peek();
        if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          throw new UserException(
              source
                  + ":"
                  + line
                  + ": unexpected character '"
                  + (char) c
                  + "' after a closing quote in field "
                  + (fields.size() + 1)
                  + "; double the quote inside a quoted field");
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          field.append((char) read());
          c = peek();
        }
      }
      fields.add(field.toString());
      if (c == ',') {
        read();
        continue;
      }
      if (c != EOF) {
        readLineBreak();
      }
      return new Row(fields, startLine);
    }
  }

  private void readQuoted(StringBuilder field, long startLine) {
    read(); // opening quote
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new UserException(
            source
                + ":"
                + startLine
                + ": a quoted field is never closed; the file is truncated or a quote is missing");
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          field.append('"');
          continue;
        }
        return;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        line++;
        field.append('\n');
        continue;
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private void readLineBreak() {
    int c = read();
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() {
    if (position == length && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private int read() {
    int c = peek();
    if (c != EOF) {
      position++;
    }
    return c;
  }

  private boolean fill() {
    try {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      length = n;
      position = 0;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": read failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
