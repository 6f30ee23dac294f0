package org.videoannotator.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvReader;
import org.videoannotator.core.vectors.KeyIndex;

/**
 * The parsed {@code shot-data.csv}: shots in file row order and their key index. Columns may come
 * in any order; only {@code key} is required. Every problem is a {@link UserException} naming
 * {@code file:line:column}.
 */
record ShotTable(List<Shot> shots, KeyIndex keys) {
  /** Column names of the release, in the order the writer puts them. */
  static final List<String> KNOWN_COLUMNS =
      List.of(
          "key",
          "yt_id",
          "desc",
          "genre",
          "frame_in",
          "frame_out",
          "start",
          "end",
          "fps",
          "cluster_index");

  static ShotTable read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader, file.toString())) {
      return parse(csv, file.toString());
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": file not found; a data set folder needs shot-data.csv");
    } catch (MalformedInputException e) {
      throw new UserException(file + ": not valid UTF-8 text; save the CSV as UTF-8");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static ShotTable parse(CsvReader csv, String source) {
    CsvReader.Row header = csv.next();
    if (header == null) {
      throw new UserException(source + ": empty file; expected a header row with a 'key' column");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      Integer previous = columns.putIfAbsent(names.get(i), i);
      if (previous != null) {
        throw new UserException(
            source
                + ":1:"
                + (i + 1)
                + ": column '"
                + names.get(i)
                + "' appears twice (columns "
                + (previous + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
    if (!columns.containsKey("key")) {
      throw new UserException(
          source
              + ":1: no 'key' column in the header "
              + names
              + "; the shot key column must be named 'key'");
    }
    RowParser parser = new RowParser(source, names, columns);
    List<Shot> shots = new ArrayList<>();
    Map<String, Long> lineOfKey = new HashMap<>();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      Shot shot = parser.parse(row);
      Long first = lineOfKey.putIfAbsent(shot.key(), row.line());
      if (first != null) {
        throw new UserException(
            source
                + ":"
                + row.line()
                + ": duplicate key '"
                + shot.key()
                + "' (first on line "
                + first
                + "); shot keys must be unique");
      }
      shots.add(shot);
    }
    if (shots.isEmpty()) {
      throw new UserException(source + ": no shots after the header");
    }
    return new ShotTable(
        List.copyOf(shots), KeyIndex.of(shots.stream().map(Shot::key).toList(), source));
  }

  /** Turns one record into a {@link Shot}, knowing where each column sits. */
  private static final class RowParser {
    private final String source;
    private final List<String> names;
    private final Map<String, Integer> columns;
    private final List<Integer> extraColumns = new ArrayList<>();

    RowParser(String source, List<String> names, Map<String, Integer> columns) {
      this.source = source;
      this.names = names;
      this.columns = columns;
      for (int i = 0; i < names.size(); i++) {
        if (!KNOWN_COLUMNS.contains(names.get(i))) {
          extraColumns.add(i);
        }
      }
    }

    Shot parse(CsvReader.Row row) {
      List<String> f = row.fields();
      if (f.size() != names.size()) {
        throw new UserException(
            source
                + ":"
                + row.line()
                + ": "
                + f.size()
                + " fields, but the header has "
                + names.size()
                + "; quote fields that hold commas");
      }
      String key = text(row, "key");
      if (key == null || key.isEmpty()) {
        throw new UserException(
            source
                + ":"
                + row.line()
                + ":"
                + (columns.get("key") + 1)
                + ": empty key; every shot needs a key");
      }
      Map<String, String> extra = new LinkedHashMap<>();
      for (int i : extraColumns) {
        extra.put(names.get(i), f.get(i));
      }
      return new Shot(
          key,
          text(row, "yt_id"),
          text(row, "desc"),
          text(row, "genre"),
          integer(row, "frame_in"),
          integer(row, "frame_out"),
          real(row, "start"),
          real(row, "end"),
          real(row, "fps"),
          (int) integer(row, "cluster_index"),
          extra);
    }

    private String text(CsvReader.Row row, String column) {
      Integer i = columns.get(column);
      return i == null ? null : row.fields().get(i);
    }

    /** An integer cell; pandas may write integers as {@code 12.0}, which is accepted. */
    private long integer(CsvReader.Row row, String column) {
      String s = text(row, column);
      if (s == null || s.isBlank()) {
        return -1;
      }
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        double d = parseReal(row, column, s, "an integer");
        if (d != Math.rint(d) || Math.abs(d) > 1e15) {
          throw bad(row, column, s, "an integer");
        }
        return (long) d;
      }
    }

    private double real(CsvReader.Row row, String column) {
      String s = text(row, column);
      return s == null || s.isBlank() ? Double.NaN : parseReal(row, column, s, "a number");
    }

    private double parseReal(CsvReader.Row row, String column, String s, String what) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw bad(row, column, s, what);
      }
    }

    private UserException bad(CsvReader.Row row, String column, String value, String what) {
      return new UserException(
          source
              + ":"
              + row.line()
              + ":"
              + (columns.get(column) + 1)
              + ": column '"
              + column
              + "' value '"
              + value
              + "' is not "
              + what);
    }
  }
}
