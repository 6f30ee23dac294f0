package org.videoannotator.embed.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.videoannotator.core.UserException;

/**
 * Finds the video files under the paths a user names. Folders are walked recursively (sorted, so
 * runs are reproducible); files there are videos by extension, caption sidecars are silently used
 * by their video, and anything else is reported as not a video. A file named explicitly is always
 * tried, whatever its extension. A video's id is its path relative to the folder named (with {@code
 * /} separators), or its file name when it was named itself.
 */
public final class VideoFiles {
  public static final Set<String> VIDEO_EXTENSIONS =
      Set.of(
          "mp4", "m4v", "mkv", "webm", "mov", "avi", "mpg", "mpeg", "ts", "mts", "m2ts", "wmv",
          "flv", "3gp", "ogv", "ogg", "mxf", "dv", "vob", "y4m");
  public static final Set<String> SIDECARS = Set.of("srt", "vtt");

  /** What a file found in a folder is to an ingest. */
  public enum Kind {
    VIDEO,
    IGNORED,
    NOT_VIDEO
  }

  /** A file to ingest. */
  public record Candidate(Path file, String videoId) {}

  /** The candidates and the files skipped as not videos. */
  public record Listing(List<Candidate> videos, List<Path> notVideos) {}

  private VideoFiles() {}

  public static Listing list(List<Path> paths) {
    List<Candidate> videos = new ArrayList<>();
    List<Path> notVideos = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            switch (kindOf(file.getFileName().toString())) {
              case VIDEO ->
                  videos.add(
                      new Candidate(file, path.relativize(file).toString().replace('\\', '/')));
              case NOT_VIDEO -> notVideos.add(file);
              case IGNORED -> {}
            }
          }
        } catch (IOException | UncheckedIOException e) {
          throw new UserException("cannot list folder " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.exists(path)) {
        videos.add(new Candidate(path, path.getFileName().toString()));
      } else {
        throw new UserException(path + " does not exist; name video files or folders of videos");
      }
    }
    return new Listing(videos, notVideos);
  }

  /**
   * How a file found while walking a folder is treated: a video by extension; hidden files and
   * caption sidecars (used by their video) silently ignored; anything else reported.
   */
  public static Kind kindOf(String fileName) {
    String ext = extension(fileName);
    if (fileName.startsWith(".") || SIDECARS.contains(ext)) {
      return Kind.IGNORED;
    }
    return VIDEO_EXTENSIONS.contains(ext) ? Kind.VIDEO : Kind.NOT_VIDEO;
  }

  static String extension(Path file) {
    return extension(file.getFileName().toString());
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A readable title from a file name: no extension, separators as spaces. */
  public static String title(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot <= 0 ? name : name.substring(0, dot);
    return base.replaceAll("[_.\\-]+", " ").strip();
  }
}
