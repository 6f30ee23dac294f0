package org.videoannotator.spark.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.ingest.VideoFiles;

/**
 * Finds the videos under what a user names, on any Hadoop filesystem, with the rules of {@code va
 * ingest} ({@link VideoFiles}): folders walked recursively in sorted order, videos by extension,
 * caption sidecars and hidden files ignored, other files reported; a file named explicitly (or
 * matched by a glob) is always tried and its id is its file name; a file found in a folder has its
 * path relative to that folder as id. So both commands give the same keys.
 */
public final class VideoInputs {
  /** The videos found and the files that are not videos. */
  public record Listing(List<VideoInput> videos, List<String> notVideos) {}

  private VideoInputs() {}

  /**
   * Lists {@code names}: local paths, URIs, or globs ({@code *}, {@code ?}, {@code [..]}, {@code
   * {..}}).
   */
  public static Listing list(List<String> names, Configuration hadoop) {
    List<VideoInput> videos = new ArrayList<>();
    List<String> notVideos = new ArrayList<>();
    for (String name : names) {
      Path path = hadoopPath(name);
      try {
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus[] matches =
            isGlob(name) ? fs.globStatus(path) : new FileStatus[] {status(fs, path, name)};
        if (matches == null || matches.length == 0) {
          throw new UserException(
              name + " matches no file; name video files, folders or a glob of them");
        }
        Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            walk(fs, match.getPath(), videos, notVideos);
          } else {
            videos.add(input(match, match.getPath().getName()));
          }
        }
      } catch (IOException e) {
        throw new UserException("cannot list " + name + ": " + e.getMessage(), e);
      }
    }
    return new Listing(videos, notVideos);
  }

  private static FileStatus status(FileSystem fs, Path path, String name) throws IOException {
    if (!fs.exists(path)) {
      throw new UserException(name + " does not exist; name video files or folders of videos");
    }
    return fs.getFileStatus(path);
  }

  private static void walk(
      FileSystem fs, Path folder, List<VideoInput> videos, List<String> notVideos)
      throws IOException {
    List<LocatedFileStatus> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
    while (it.hasNext()) {
      files.add(it.next());
    }
    files.sort(Comparator.comparing(s -> s.getPath().toString()));
    URI base = folder.toUri();
    for (LocatedFileStatus file : files) {
      String relative = base.relativize(file.getPath().toUri()).getPath();
      switch (VideoFiles.kindOf(file.getPath().getName())) {
        case VIDEO -> videos.add(input(file, relative));
        case NOT_VIDEO -> notVideos.add(named(file.getPath()));
        case IGNORED -> {}
      }
    }
  }

  private static VideoInput input(FileStatus file, String videoId) {
    return new VideoInput(
        file.getPath().toUri().toString(), named(file.getPath()), videoId, file.getLen());
  }

  /** A local file as a plain path (as {@code va ingest} reports it), anything else as its URI. */
  private static String named(Path path) {
    URI uri = path.toUri();
    return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
  }

  /** A name without a scheme is a local path, made absolute. */
  static Path hadoopPath(String name) {
    if (name.matches("^[A-Za-z][A-Za-z0-9+.-]*:/.*")) {
      return new Path(name);
    }
    // Not through java.net.URI: that would escape a glob's brackets and braces.
    return new Path("file", null, Paths.get(name).toAbsolutePath().normalize().toString());
  }

  private static boolean isGlob(String name) {
    return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }
}
