package org.videoannotator.index;

import java.util.Map;
import java.util.Objects;

/**
 * One clip (a shot) of a corpus: where it comes from and the words that describe it. The vector
 * lives beside it in the corpus, in the same row.
 *
 * @param key unique, non-empty, no line breaks (e.g. {@code "youtubeId|frame_in"})
 * @param video the video's id / global key (file name, yt_id); non-empty
 * @param source path or URL of the video file, {@code ""} when unknown
 * @param title title of the video or clip, {@code ""} when none
 * @param start start time in seconds (>= 0)
 * @param end end time in seconds (>= start)
 * @param frameIn first frame, inclusive, 0-based ({@code -1} when unknown)
 * @param frameOut last frame, inclusive ({@code >= frameIn}, or -1 when unknown)
 * @param fps frames per second ({@code 0} when unknown)
 * @param cluster cluster index, {@code -1} when unknown
 * @param text searchable words: description, captions or subtitles overlapping the clip
 * @param extra any other metadata, searchable neither by words nor by filters
 */
public record Clip(
    String key,
    String video,
    String source,
    String title,
    double start,
    double end,
    int frameIn,
    int frameOut,
    double fps,
    int cluster,
    String text,
    Map<String, String> extra) {

  public Clip {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "clip key must be non-empty without line breaks: '" + key + "'");
    }
    Objects.requireNonNull(video, "video of clip " + key);
    if (video.isEmpty()) {
      throw new IllegalArgumentException("clip '" + key + "' has an empty video id");
    }
    source = source == null ? "" : source;
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    if (!(start >= 0) || !(end >= start)) {
      throw new IllegalArgumentException(
          "clip '" + key + "' has bad times start=" + start + " end=" + end);
    }
    if (frameIn < -1 || (frameIn >= 0 && frameOut < frameIn)) {
      throw new IllegalArgumentException(
          "clip '" + key + "' has bad frames in=" + frameIn + " out=" + frameOut);
    }
    if (!(fps >= 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("clip '" + key + "' has bad fps " + fps);
    }
  }

  /** A clip known only by key and video (no times, no words). */
  public static Clip of(String key, String video) {
    return new Clip(key, video, "", "", 0, 0, -1, -1, 0, -1, "", Map.of());
  }

  /** Duration in seconds. */
  public double duration() {
    return end - start;
  }
}
