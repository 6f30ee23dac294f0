package org.videoannotator.embed.precomputed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvReader;
import org.videoannotator.index.Clip;

/**
 * Clip metadata for imported vectors: a CSV with a header naming at least {@code key} (optional
 * columns: {@code video}/{@code yt_id}, {@code source}, {@code title}, {@code text}/{@code desc},
 * {@code start}, {@code end}, {@code frame_in}, {@code frame_out}, {@code fps}, {@code
 * cluster}/{@code cluster_index}; any other column goes to {@link Clip#extra()}), or a {@code .txt}
 * with one key per line. A clip's video defaults to its key up to the first {@code |} (the released
 * data's {@code youtubeId|frame_in} convention). Fields follow RFC 4180 (quoted commas, quotes and
 * line breaks).
 */
final class ClipTable {
  private ClipTable() {}

  static List<Clip> read(Path file) throws IOException {
    List<Clip> clips = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
        for (String line; (line = in.readLine()) != null; ) {
          if (!line.isBlank()) {
            clips.add(keyOnly(line.strip()));
          }
        }
        return clips;
      }
      CsvReader csv = new CsvReader(in, file.toString());
      CsvReader.Row headerRow = csv.next();
      if (headerRow == null) {
        throw new UserException(file + " is empty; expected a CSV header with a 'key' column");
      }
      List<String> header =
          headerRow.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      if (!header.contains("key")) {
        throw new UserException(file + " has no 'key' column in its header " + header);
      }
      for (CsvReader.Row record = csv.next(); record != null; record = csv.next()) {
        long lineNo = record.line();
        List<String> fields = record.fields();
        if (fields.size() != header.size()) {
          throw new UserException(
              file
                  + " line "
                  + lineNo
                  + ": "
                  + fields.size()
                  + " fields, the header has "
                  + header.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), fields.get(i));
        }
        try {
          clips.add(clip(row));
        } catch (IllegalArgumentException e) {
          throw new UserException(file + " line " + lineNo + ": " + e.getMessage(), e);
        }
      }
    }
    return clips;
  }

  static Clip keyOnly(String key) {
    return Clip.of(key, videoOf(key));
  }

  private static String videoOf(String key) {
    int bar = key.indexOf('|');
    return bar > 0 ? key.substring(0, bar) : key;
  }

  private static Clip clip(Map<String, String> row) {
    String key = row.remove("key").strip();
    String video = first(row, "video", "yt_id", "video_id");
    double start = number(first(row, "start"), 0);
    double end = number(first(row, "end"), start);
    Map<String, String> extra = new HashMap<>();
    String source = first(row, "source");
    String title = first(row, "title");
    String text = first(row, "text", "desc", "description");
    int frameIn = (int) number(first(row, "frame_in"), -1);
    int frameOut = (int) number(first(row, "frame_out"), frameIn);
    double fps = number(first(row, "fps"), 0);
    int cluster = (int) number(first(row, "cluster", "cluster_index"), -1);
    row.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            extra.put(k, v);
          }
        });
    return new Clip(
        key,
        video.isEmpty() ? videoOf(key) : video,
        source,
        title,
        start,
        end,
        frameIn,
        frameOut,
        fps,
        cluster,
        text,
        extra);
  }

  /** The first of the columns present (removed from the row), or "". */
  private static String first(Map<String, String> row, String... names) {
    String value = "";
    for (String n : names) {
      String v = row.remove(n);
      if (value.isEmpty() && v != null) {
        value = v.strip();
      }
    }
    return value;
  }

  private static double number(String s, double fallback) {
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a number");
    }
  }
}
