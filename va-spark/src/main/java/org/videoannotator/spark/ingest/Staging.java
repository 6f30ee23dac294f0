package org.videoannotator.spark.ingest;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The staging folder of a Spark ingest, on any Hadoop filesystem the driver and the executors
 * share: one folder per video, named by its content hash, complete once it holds {@code _SUCCESS}.
 * A task uploads into a folder of its own attempt and renames it into place, so a retried or
 * speculative attempt never leaves a half segment under the real name; the first complete one wins
 * and later attempts reuse it. That is what makes retries and resumed jobs free of duplicates.
 */
final class Staging {
  static final String DONE = "_SUCCESS";

  private final Path root;
  private final FileSystem fs;

  Staging(String rootUri, Configuration hadoop) throws IOException {
    this.root = new Path(rootUri);
    this.fs = root.getFileSystem(hadoop);
  }

  Path segment(String contentHash) {
    return new Path(root, contentHash);
  }

  boolean isStaged(String contentHash) throws IOException {
    return fs.exists(new Path(segment(contentHash), DONE));
  }

  // Two Path types meet here (Hadoop's is imported, java.nio's stays qualified):
  // lint allows qualified names for the next 2 lines.
  /** Uploads the segment in the local folder {@code local} as {@code contentHash}'s. */
  void stage(String contentHash, java.nio.file.Path local, String attempt) throws IOException {
    Path target = segment(contentHash);
    Path upload = new Path(root, "_attempt-" + contentHash + "-" + attempt);
    fs.delete(upload, true);
    fs.mkdirs(root);
    fs.copyFromLocalFile(false, true, new Path(local.toUri()), upload);
    fs.create(new Path(upload, DONE), true).close();
    if (!fs.rename(upload, target)) {
      // Another attempt got there first; keep its segment when it is complete, else take its place.
      if (!isStaged(contentHash)) {
        fs.delete(target, true);
        if (!fs.rename(upload, target)) {
          throw new IOException("cannot move " + upload + " to " + target);
        }
        return;
      }
      fs.delete(upload, true);
    }
  }

  // Two Path types meet here (Hadoop's is imported, java.nio's stays qualified):
  // lint allows qualified names for the next 5 lines.
  /**
   * The segment as a local folder: itself when the staging folder is local, else a copy made in
   * {@code scratch}.
   */
  java.nio.file.Path fetch(String contentHash, java.nio.file.Path scratch) throws IOException {
    Path segment = segment(contentHash);
    if ("file".equals(segment.toUri().getScheme())) {
      return Paths.get(segment.toUri());
    }
    var local = scratch.resolve(contentHash);
    fs.copyToLocalFile(false, segment, new Path(local.toUri()), true);
    return local;
  }

  void remove(String contentHash) throws IOException {
    fs.delete(segment(contentHash), true);
  }

  /**
   * Removes the segments of videos the corpus already holds: a job killed between committing a
   * video and deleting its segment leaves one behind, which no later run would read.
   */
  int removeCommitted(Set<String> committedHashes) throws IOException {
    if (!fs.exists(root)) {
      return 0;
    }
    int removed = 0;
    for (FileStatus entry : fs.listStatus(root)) {
      if (committedHashes.contains(entry.getPath().getName())) {
        fs.delete(entry.getPath(), true);
        removed++;
      }
    }
    return removed;
  }

  /** Removes the staging folder when nothing is left in it. */
  void removeIfEmpty() throws IOException {
    if (fs.exists(root) && fs.listStatus(root).length == 0) {
      fs.delete(root, false);
    }
  }
}
