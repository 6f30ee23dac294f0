package org.videoannotator.spark.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.embed.ingest.ProcessedVideo;
import org.videoannotator.embed.ingest.VideoFiles;
import org.videoannotator.embed.ingest.VideoProcessor;
import org.videoannotator.embed.model.FileHash;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.spark.HadoopConf;

/**
 * The executor side of {@code va spark ingest}: for each video of its partition, fetch it (a local
 * file is read in place, anything else copied to scratch with its caption sidecars), hash it, skip
 * it when the corpus already has it, reuse a segment an earlier attempt staged, else run the same
 * {@link VideoProcessor} as {@code va ingest} and stage the result. One video's failure is its
 * outcome, never the task's: a corrupt file does not make Spark retry the others.
 */
final class IngestTask implements FlatMapFunction<Iterator<VideoInput>, TaskOutcome>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(IngestTask.class);

  /**
   * Called with (video id, attempt number) after a segment is staged and before the task reports
   * it: tests throw here to make Spark retry a task whose work is done. A no-op normally.
   */
  static volatile BiConsumer<String, Integer> afterStaging = (video, attempt) -> {};

  private final String embedderId;
  private final String modelDir;
  private final double sampleFps;
  private final int decodeThreads;
  private final String stagingUri;
  private final Broadcast<Set<String>> ingested;

  IngestTask(
      String embedderId,
      String modelDir,
      double sampleFps,
      int decodeThreads,
      String stagingUri,
      Broadcast<Set<String>> ingested) {
    this.embedderId = embedderId;
    this.modelDir = modelDir;
    this.sampleFps = sampleFps;
    this.decodeThreads = decodeThreads;
    this.stagingUri = stagingUri;
    this.ingested = ingested;
  }

  @Override
  public Iterator<TaskOutcome> call(Iterator<VideoInput> inputs) throws IOException {
    Configuration hadoop = HadoopConf.current();
    Staging staging = new Staging(stagingUri, hadoop);
    VideoProcessor processor =
        new VideoProcessor(ExecutorEmbedders.get(embedderId, modelDir), sampleFps, decodeThreads);
    TaskContext task = TaskContext.get();
    String attempt = task == null ? "driver" : task.taskAttemptId() + "";
    List<TaskOutcome> outcomes = new ArrayList<>();
    while (inputs.hasNext()) {
      VideoInput input = inputs.next();
      TaskOutcome outcome = ingestOne(input, hadoop, staging, processor, attempt);
      afterStaging.accept(input.videoId(), task == null ? 0 : task.attemptNumber());
      outcomes.add(outcome);
    }
    return outcomes.iterator();
  }

  private TaskOutcome ingestOne(
      VideoInput input,
      Configuration hadoop,
      Staging staging,
      VideoProcessor processor,
      String attempt) {
    long started = System.nanoTime();
    Path scratch = null;
    String hash = "";
    try {
      scratch = Files.createTempDirectory("va-spark-ingest-");
      Path local = localCopy(input, hadoop, scratch);
      hash = FileHash.sha256(local);
      if (ingested.value().contains(hash)) {
        return new TaskOutcome(
            input, TaskOutcome.SKIPPED, "already ingested", hash, "", false, seconds(started));
      }
      if (staging.isStaged(hash)) {
        return new TaskOutcome(
            input,
            TaskOutcome.STAGED,
            "",
            hash,
            staging.segment(hash).toString(),
            true,
            seconds(started));
      }
      Path segment = Files.createDirectory(scratch.resolve("segment"));
      ProcessedVideo processed =
          processor.process(
              local, input.named(), input.videoId(), input.named(), hash, CorpusLayout.of(segment));
      Segments.write(segment, processed);
      staging.stage(hash, segment, attempt);
      return new TaskOutcome(
          input,
          TaskOutcome.STAGED,
          "",
          hash,
          staging.segment(hash).toString(),
          false,
          seconds(started));
    } catch (Exception | LinkageError e) {
      LOG.warn("{}: {}", input.named(), e.toString());
      String message =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      return new TaskOutcome(input, TaskOutcome.FAILED, message, hash, "", false, seconds(started));
    } finally {
      deleteQuietly(scratch);
    }
  }

  // Two Path types meet here (java.nio's is imported, Hadoop's stays qualified):
  // lint allows qualified names for the next 23 lines.
  /**
   * The video as a local file: itself when local, else a copy (with its caption sidecars) in
   * scratch.
   */
  private static Path localCopy(VideoInput input, Configuration hadoop, Path scratch)
      throws IOException {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(input.uri());
    if ("file".equals(remote.toUri().getScheme())) {
      return Path.of(remote.toUri());
    }
    FileSystem fs = remote.getFileSystem(hadoop);
    Path local = scratch.resolve(remote.getName());
    fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
    String name = remote.getName();
    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    for (String ext : VideoFiles.SIDECARS) {
      org.apache.hadoop.fs.Path sidecar =
          new org.apache.hadoop.fs.Path(remote.getParent(), base + "." + ext);
      if (fs.exists(sidecar)) {
        fs.copyToLocalFile(
            false,
            sidecar,
            new org.apache.hadoop.fs.Path(scratch.resolve(sidecar.getName()).toUri()),
            true);
      }
    }
    return local;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.debug("cannot delete scratch {}: {}", dir, e.toString());
    }
  }
}
