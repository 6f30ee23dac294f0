package org.videoannotator.server.clips;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;

/** A clip as the API shows it: its metadata and the URLs of its media. */
public record ClipView(
    String key,
    String video,
    String title,
    double start,
    double end,
    int frameIn,
    int frameOut,
    double fps,
    int cluster,
    String text,
    String thumbnail,
    String preview,
    boolean hasThumbnail,
    boolean hasPreview) {

  public static ClipView of(Clip clip, Corpus corpus) {
    // Query-parameter URLs work for every key, including keys with '/'.
    String key = "?key=" + urlSegment(clip.key());
    return new ClipView(
        clip.key(),
        clip.video(),
        clip.title(),
        clip.start(),
        clip.end(),
        clip.frameIn(),
        clip.frameOut(),
        clip.fps(),
        clip.cluster(),
        clip.text(),
        "/api/media/thumbnail" + key,
        "/api/media/preview" + key,
        Files.isRegularFile(corpus.layout().thumbnail(clip.key())),
        Files.isRegularFile(corpus.layout().preview(clip.key())));
  }

  /** Percent-encodes a key for a URL path segment or query value (spaces as %20, not +). */
  public static String urlSegment(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
