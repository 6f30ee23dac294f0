package org.videoannotator.spark.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.ingest.IngestOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.Ingester;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;

/**
 * The job jar through Spark's own {@code spark-submit} entry point ({@code SparkSubmit}, with only
 * Spark and libraries on its class path, as on a cluster), killed with SIGKILL midway through an
 * ingest and submitted again: the corpus ends up exactly as {@code va ingest} makes it.
 */
@Tag("spark")
@Tag("slow")
class SparkSubmitIT {
  private static final int VIDEOS = 6;

  @TempDir Path dir;

  @Test
  void aSubmittedIngestKilledMidwayResumesToTheSameCorpus() throws Exception {
    Path videos = dir.resolve("videos");
    SyntheticVideo video = new SyntheticVideo(320, 180, 24, SyntheticVideo.Format.MP4_H264);
    for (int v = 0; v < VIDEOS; v++) {
      video.render(SyntheticScripts.demo(900 + v, 10, 24), videos.resolve("clip-" + v + ".mp4"));
    }
    Path reference = dir.resolve("reference");
    int shots;
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus corpus =
            Corpus.open(
                reference, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      IngestReport report =
          new Ingester(corpus, embedder, IngestOptions.defaults()).run(List.of(videos));
      assertEquals(VIDEOS, report.count("ok"), report.table());
      shots = report.shots();
    }

    Path corpus = dir.resolve("corpus");
    Process first = submit(videos, corpus, dir.resolve("first.log"));
    Path staging = CorpusLayout.of(corpus).sparkStaging();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (stagedSegments(staging) == 0 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(
        first.isAlive(),
        "the job was still running when a segment was staged:\n"
            + Files.readString(dir.resolve("first.log")));
    first.destroyForcibly().waitFor();
    int committedBeforeKill = committed(corpus);
    assertTrue(committedBeforeKill < shots, "killed before it committed everything");

    Process second = submit(videos, corpus, dir.resolve("second.log"));
    assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the resumed job finished");
    String log = Files.readString(dir.resolve("second.log"));
    assertEquals(0, second.exitValue(), log);
    assertTrue(log.contains(VIDEOS + " ok"), log);

    try (Corpus expected = Corpus.open(reference, CorpusOptions.existing());
        Corpus actual = Corpus.open(corpus, CorpusOptions.existing())) {
      assertEquals(
          expected.keys().stream().sorted().toList(), actual.keys().stream().sorted().toList());
      for (String key : expected.keys()) {
        assertEquals(expected.clip(key), actual.clip(key), key);
        assertArrayEquals(expected.vector(key), actual.vector(key), key);
      }
    }
  }

  /** {@code spark-submit --master local[2] --class VaSpark JOB.jar ingest VIDEOS --corpus C}. */
  private static Process submit(Path videos, Path corpus, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("va.spark.jvmFlags").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            sparkOnlyClassPath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--class",
            "org.videoannotator.spark.cli.VaSpark",
            System.getProperty("va.spark.jobJar"),
            "ingest",
            videos.toString(),
            "--corpus",
            corpus.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /**
   * This JVM's class path without the project's own classes: Spark and libraries, as a cluster has.
   */
  private static String sparkOnlyClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        // The project's modules come from the local repository or, in a reactor build, from
        // their target folders; everything else is a library.
        .filter(
            entry ->
                entry.endsWith(".jar")
                    && !entry.contains("/org/videoannotator/")
                    && !entry.contains("/target/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static long stagedSegments(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (Stream<Path> list = Files.list(staging)) {
      return list.filter(d -> Files.exists(d.resolve(Staging.DONE))).count();
    }
  }

  private static int committed(Path corpus) {
    if (!Files.exists(CorpusLayout.of(corpus).manifest())) {
      return 0;
    }
    try (Corpus c = Corpus.open(corpus, CorpusOptions.existing())) {
      return c.size();
    }
  }
}
