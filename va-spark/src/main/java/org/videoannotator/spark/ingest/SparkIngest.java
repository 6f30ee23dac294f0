package org.videoannotator.spark.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.ingest.FileResult;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.ProcessedVideo;
import org.videoannotator.embed.ingest.VideoCommit;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;

/**
 * The driver side of {@code va spark ingest}. Lists the videos, runs one Spark task per video
 * ({@link IngestTask}: decode, shots, embed, media, staged as a segment), then commits the staged
 * segments into the corpus one video at a time, in listing order: media moved in first, then the
 * clips appended in one atomic call and the content hash recorded ({@link VideoCommit}, the same
 * commit as {@code va ingest}). A job killed at any point resumes: committed videos are skipped by
 * hash, staged ones are committed without being computed again.
 */
public final class SparkIngest {
  private static final Logger LOG = LoggerFactory.getLogger(SparkIngest.class);

  /**
   * How to run.
   *
   * @param embedderId the embedder every executor builds (once per JVM)
   * @param modelDir its model folder as executors see it (null when it needs none)
   * @param sampleFps frames sampled per second
   * @param decodeThreads FFmpeg threads per video in a task
   * @param stagingUri the staging folder on a filesystem executors and driver share (null: inside
   *     the corpus)
   */
  public record Options(
      String embedderId, String modelDir, double sampleFps, int decodeThreads, String stagingUri) {}

  private final SparkSession spark;
  private final Corpus corpus;
  private final Options options;

  public SparkIngest(SparkSession spark, Corpus corpus, Options options) {
    this.spark = spark;
    this.corpus = corpus;
    this.options = options;
  }

  public IngestReport run(List<String> names) {
    long started = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    VideoInputs.Listing listing = VideoInputs.list(names, jsc.hadoopConfiguration());
    requireSharedStaging(spark.sparkContext().master(), options.stagingUri());
    String stagingUri =
        options.stagingUri() != null
            ? options.stagingUri()
            : corpus.layout().sparkStaging().toAbsolutePath().toUri().toString();
    List<TaskOutcome> outcomes = List.of();
    try {
      int stale =
          new Staging(stagingUri, jsc.hadoopConfiguration())
              .removeCommitted(corpus.ingestedVideos().keySet());
      if (stale > 0) {
        LOG.info(
            "removed {} staged segments of videos an earlier run had already committed", stale);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staging folder " + stagingUri, e);
    }
    if (!listing.videos().isEmpty()) {
      Broadcast<Set<String>> ingested =
          jsc.broadcast(new HashSet<>(corpus.ingestedVideos().keySet()));
      IngestTask task =
          new IngestTask(
              options.embedderId(),
              options.modelDir(),
              options.sampleFps(),
              options.decodeThreads(),
              stagingUri,
              ingested);
      jsc.setJobDescription("va spark ingest: " + listing.videos().size() + " videos");
      // One partition per video: the cluster balances long and short videos itself.
      outcomes =
          jsc.parallelize(listing.videos(), listing.videos().size()).mapPartitions(task).collect();
    }
    List<FileResult> results = commitAll(outcomes, stagingUri);
    for (String other : listing.notVideos()) {
      results.add(FileResult.notVideo(other));
    }
    IngestReport report =
        new IngestReport(corpus.embedder().id(), results, (System.nanoTime() - started) / 1e9);
    try {
      report.write(corpus.dir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + CorpusLayout.INGEST_REPORT + " into " + corpus.dir(), e);
    }
    return report;
  }

  /**
   * The default staging folder lies in the corpus, on the driver's disk: right for local masters
   * only. Executors on other machines would stage into their own disks, where the driver cannot
   * read, so any other master needs a staging folder given explicitly.
   */
  static void requireSharedStaging(String master, String stagingUri) {
    if (stagingUri == null && !master.startsWith("local")) {
      throw new UserException(
          "master "
              + master
              + " runs tasks on other machines: pass --staging with a"
              + " folder that they and this driver share (hdfs://..., s3a://..., or a shared mount)");
    }
  }

  private List<FileResult> commitAll(List<TaskOutcome> outcomes, String stagingUri) {
    List<FileResult> results = new ArrayList<>();
    Map<String, String> committed = new HashMap<>();
    Path scratch = null;
    try {
      Staging staging = new Staging(stagingUri, spark.sparkContext().hadoopConfiguration());
      scratch = Files.createTempDirectory("va-spark-commit-");
      for (TaskOutcome outcome : outcomes) {
        results.add(commitOne(outcome, staging, scratch, committed));
      }
      staging.removeIfEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staging folder " + stagingUri, e);
    } finally {
      IngestTask.deleteQuietly(scratch);
    }
    return results;
  }

  private FileResult commitOne(
      TaskOutcome outcome, Staging staging, Path scratch, Map<String, String> committed) {
    VideoInput input = outcome.input();
    switch (outcome.status()) {
      case TaskOutcome.FAILED:
        return FileResult.failed(
            input.named(), input.videoId(), outcome.reason(), outcome.seconds());
      case TaskOutcome.SKIPPED:
        return VideoCommit.alreadyIngested(
            corpus, input.named(), input.videoId(), outcome.contentHash());
      default:
        break;
    }
    String twin = committed.putIfAbsent(outcome.contentHash(), input.videoId());
    if (twin != null) {
      return FileResult.skipped(
          input.named(), input.videoId(), "same content as " + twin + " in this run");
    }
    if (corpus.isVideoIngested(outcome.contentHash())) {
      return VideoCommit.alreadyIngested(
          corpus, input.named(), input.videoId(), outcome.contentHash());
    }
    try {
      Path segment = staging.fetch(outcome.contentHash(), scratch);
      ProcessedVideo staged = Segments.read(segment);
      ProcessedVideo video =
          new ProcessedVideo(
              input.named(),
              input.videoId(),
              staged.contentHash(),
              staged.clips(),
              staged.frames(),
              outcome.seconds(),
              staged.warnings());
      moveMedia(CorpusLayout.of(segment), video);
      FileResult result = VideoCommit.commit(corpus, video);
      staging.remove(outcome.contentHash());
      return result;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot commit its staged segment: {}", input.named(), e.toString());
      return FileResult.failed(
          input.named(),
          input.videoId(),
          "cannot commit its staged segment: " + e.getMessage(),
          outcome.seconds());
    }
  }

  /** Media first, clips last: a clip in the corpus always has its thumbnail and preview. */
  private void moveMedia(CorpusLayout segment, ProcessedVideo video) throws IOException {
    CorpusLayout target = corpus.layout();
    for (var cv : video.clips()) {
      String key = cv.clip().key();
      copy(segment.thumbnail(key), target.thumbnail(key));
      copy(segment.preview(key), target.preview(key));
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
