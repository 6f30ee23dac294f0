package org.videoannotator.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code shot-data.csv}. Columns the release defines are typed; a column absent from the
 * file reads as {@code null} (text), {@code -1} (frames, cluster) or {@code NaN} (times, fps). Any
 * other column is kept verbatim in {@code extra} (column name to cell text, in file order).
 *
 * @param key the shot key ({@code "youtubeId|frame_in"} in the release; any non-empty string)
 * @param clusterIndex the visual cluster, 0..9 in the release
 */
public record Shot(
    String key,
    String ytId,
    String desc,
    String genre,
    long frameIn,
    long frameOut,
    double start,
    double end,
    double fps,
    int clusterIndex,
    Map<String, String> extra) {
  public Shot {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("empty shot key");
    }
    extra =
        extra == null || extra.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
