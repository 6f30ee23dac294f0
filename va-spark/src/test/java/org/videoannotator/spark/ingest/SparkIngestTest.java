package org.videoannotator.spark.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.ingest.FileResult;
import org.videoannotator.embed.ingest.IngestOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.Ingester;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.Scene.Camera;
import org.videoannotator.embed.video.synthetic.Scene.Framing;
import org.videoannotator.embed.video.synthetic.Scene.Palette;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import org.videoannotator.embed.video.synthetic.SyntheticVideo.Format;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.spark.SparkSessions;

/**
 * Real videos rendered and encoded here, the real decoder, detector and descriptor embedder, real
 * Spark in {@code local[2]} (with task retries), real corpora: {@code va spark ingest} must give
 * what {@code va ingest} gives, key by key and bit by bit, survive retried tasks and resume a job
 * that died before committing.
 */
@Tag("spark")
@Tag("slow")
class SparkIngestTest {
  @TempDir static Path videos;
  @TempDir static Path work;
  private static SparkSession spark;
  private static Path reference;
  private static int referenceShots;
  private static final List<String> GOOD =
      List.of("street.mp4", "nested/kitchen.mkv", "beach.webm");

  @BeforeAll
  static void renderAndIngestOnOneMachine() throws IOException {
    SyntheticVideo base = new SyntheticVideo(320, 180, 24, Format.MP4_H264);
    Format[] formats = {Format.MP4_H264, Format.MKV_H264, Format.WEBM_VP9};
    for (int v = 0; v < GOOD.size(); v++) {
      base.in(formats[v]).render(plan(v), videos.resolve(GOOD.get(v)));
    }
    Files.write(
        videos.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
    Files.writeString(videos.resolve("notes.txt"), "shot list, not a video");
    reference = work.resolve("reference");
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus corpus =
            Corpus.open(
                reference, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      IngestReport report =
          new Ingester(corpus, embedder, IngestOptions.defaults()).run(List.of(videos));
      for (String good : GOOD) {
        assertEquals(FileResult.OK, byVideo(report).get(good).status(), report.table());
      }
      referenceShots = report.shots();
    }
    // Up to four attempts per task: the retry test fails the first attempt of one video.
    spark = SparkSessions.start("test", "local[2,4]");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @AfterEach
  void clearFault() {
    IngestTask.afterStaging = (video, attempt) -> {};
  }

  private static List<ShotPlan> plan(int v) {
    Palette[] palettes = Palette.values();
    Camera[] cameras = {Camera.STATIC, Camera.PAN, Camera.ZOOM, Camera.SHAKE};
    int[] lengths = {30, 24, 36, 28};
    List<ShotPlan> plan = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      Scene scene =
          new Scene(
              palettes[(k + v) % 4],
              k % 2 == 0 ? Framing.WIDE : Framing.CLOSE,
              k == 2 ? 12 : k,
              k == 1 ? "LIVE" : "",
              cameras[(k + v) % 4],
              100L * v + k);
      plan.add(
          new ShotPlan(
              scene, lengths[k], k == 3 ? ShotPlan.Entry.dissolve(10) : ShotPlan.Entry.CUT));
    }
    return plan;
  }

  private static IngestReport sparkIngest(Path corpusDir, List<String> inputs) {
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus corpus =
            Corpus.open(
                corpusDir, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      return new SparkIngest(
              spark, corpus, new SparkIngest.Options(DescriptorEmbedder.ID, null, 2, 1, null))
          .run(inputs);
    }
  }

  private static Map<String, FileResult> byVideo(IngestReport report) {
    return report.files().stream()
        .collect(
            Collectors.toMap(
                f -> f.video().isEmpty() ? Path.of(f.file()).getFileName().toString() : f.video(),
                Function.identity()));
  }

  /** Every clip of a corpus by key, with its vector. */
  private static Map<String, Map.Entry<Clip, float[]>> contents(Path corpusDir) {
    Map<String, Map.Entry<Clip, float[]>> out = new TreeMap<>();
    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
      for (Clip clip : corpus.clips().toList()) {
        out.put(clip.key(), Map.entry(clip, corpus.vector(clip.key())));
      }
    }
    return out;
  }

  private static void assertSameAsReference(Path corpusDir) throws IOException {
    Map<String, Map.Entry<Clip, float[]>> expected = contents(reference);
    Map<String, Map.Entry<Clip, float[]>> actual = contents(corpusDir);
    assertEquals(referenceShots, expected.size());
    assertEquals(expected.keySet(), actual.keySet(), "the same shots, by key");
    for (String key : expected.keySet()) {
      assertEquals(expected.get(key).getKey(), actual.get(key).getKey(), "clip metadata of " + key);
      assertArrayEquals(
          expected.get(key).getValue(), actual.get(key).getValue(), "vector of " + key);
      assertTrue(Files.size(CorpusLayout.of(corpusDir).thumbnail(key)) > 0, "thumbnail of " + key);
      assertTrue(Files.size(CorpusLayout.of(corpusDir).preview(key)) > 0, "preview of " + key);
    }
  }

  @Test
  void givesWhatVaIngestGivesEvenWhenATaskIsRetried() throws IOException {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    IngestTask.afterStaging =
        (video, attempt) -> {
          if (video.equals("nested/kitchen.mkv") && failedOnce.add(video)) {
            throw new IllegalStateException(
                "executor lost after staging " + video + " (attempt " + attempt + ")");
          }
        };
    Path corpusDir = work.resolve("spark-retry");
    IngestReport report = sparkIngest(corpusDir, List.of(videos.toString()));
    assertEquals(Set.of("nested/kitchen.mkv"), failedOnce, "the fault fired");
    Map<String, FileResult> files = byVideo(report);
    for (String good : GOOD) {
      assertEquals(FileResult.OK, files.get(good).status(), report.table());
    }
    assertEquals(FileResult.FAILED, files.get("broken.mp4").status(), report.table());
    assertFalse(files.get("broken.mp4").reason().isBlank());
    assertEquals(FileResult.SKIPPED, files.get("notes.txt").status(), report.table());
    assertEquals(1, report.exitStatus());
    assertSameAsReference(corpusDir);
    assertEquals(
        1, ExecutorEmbedders.loaded(), "one embedder per executor JVM, shared by its tasks");
    assertFalse(Files.exists(CorpusLayout.of(corpusDir).sparkStaging()), "staging cleaned up");
  }

  @Test
  void aJobThatDiedBeforeCommittingResumesWithoutDoubling() throws IOException {
    Path corpusDir = work.resolve("spark-resume");
    // First a run of one video, committed; then a run of all that dies: beach.webm fails every
    // attempt.
    sparkIngest(corpusDir, List.of(videos.resolve("street.mp4").toString()));
    IngestTask.afterStaging =
        (video, attempt) -> {
          if (video.equals("beach.webm")) {
            throw new IllegalStateException("executor lost (attempt " + attempt + ")");
          }
        };
    assertThrows(Exception.class, () -> sparkIngest(corpusDir, List.of(videos.toString())));
    IngestTask.afterStaging = (video, attempt) -> {};
    assertEquals(4, contents(corpusDir).size(), "only the first run's video is committed");

    // A segment left behind by a run killed between committing street.mp4 and deleting it.
    Path leftover = CorpusLayout.of(corpusDir).sparkStaging().resolve(streetHash(corpusDir));
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve(Staging.DONE), "");

    IngestReport resumed = sparkIngest(corpusDir, List.of(videos.toString()));
    assertFalse(Files.exists(leftover), "the committed video's stale segment is gone");
    Map<String, FileResult> files = byVideo(resumed);
    assertEquals(FileResult.SKIPPED, files.get("street.mp4").status(), resumed.table());
    assertEquals(FileResult.OK, files.get("nested/kitchen.mkv").status(), resumed.table());
    assertEquals(FileResult.OK, files.get("beach.webm").status(), resumed.table());
    assertSameAsReference(corpusDir);
  }

  private static String streetHash(Path corpusDir) {
    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
      return corpus.ingestedVideos().entrySet().stream()
          .filter(e -> e.getValue().video().equals("street.mp4"))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void aFolderNamedWithDotsGivesTheSameClipsAsVaIngest() throws IOException {
    // "va ingest ./videos/../videos" and "va spark ingest" of the same: the same sources and ids.
    String roundabout = videos.resolve(".").resolve("nested").resolve("..").toString();
    Path viaSpark = work.resolve("spark-dots");
    sparkIngest(viaSpark, List.of(roundabout));
    Path viaVaIngest = work.resolve("va-ingest-dots");
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus corpus =
            Corpus.open(
                viaVaIngest, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      new Ingester(corpus, embedder, IngestOptions.defaults()).run(List.of(Path.of(roundabout)));
    }
    Map<String, Map.Entry<Clip, float[]>> expected = contents(viaVaIngest);
    Map<String, Map.Entry<Clip, float[]>> actual = contents(viaSpark);
    assertEquals(expected.keySet(), actual.keySet());
    for (String key : expected.keySet()) {
      assertEquals(expected.get(key).getKey(), actual.get(key).getKey(), key);
      assertTrue(
          expected.get(key).getKey().source().startsWith(videos.toString()),
          "a normalised source path");
    }
  }

  @Test
  void aClusterMasterNeedsASharedStagingFolder() {
    org.videoannotator.core.UserException e =
        assertThrows(
            org.videoannotator.core.UserException.class,
            () -> SparkIngest.requireSharedStaging("spark://master:7077", null));
    assertTrue(e.getMessage().contains("--staging"), e.getMessage());
    SparkIngest.requireSharedStaging("spark://master:7077", "hdfs:///tmp/va-staging");
    SparkIngest.requireSharedStaging("local[2]", null);
  }

  @Test
  void globsAndSingleFilesNameVideosAsVaIngestDoes() {
    Path corpusDir = work.resolve("spark-glob");
    IngestReport report =
        sparkIngest(
            corpusDir,
            List.of(videos.resolve("*.mp4").toString(), videos.resolve("beach.webm").toString()));
    Map<String, FileResult> files = byVideo(report);
    assertEquals(Set.of("street.mp4", "broken.mp4", "beach.webm"), files.keySet(), report.table());
    assertEquals(FileResult.OK, files.get("street.mp4").status());
    assertEquals(FileResult.OK, files.get("beach.webm").status());
  }
}
