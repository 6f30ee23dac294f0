package org.videoannotator.embed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.clip.ClipEmbedder;
import org.videoannotator.embed.model.clip.TinyClip;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.embed.video.synthetic.GroundTruth;
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

/**
 * Real videos (rendered and encoded by SyntheticVideo), a real corpus, the real decoder, detector
 * and embedders: a folder with three good videos in three containers, a truncated one, an empty one
 * and a text file.
 */
@Tag("slow") // renders, encodes and ingests videos
class IngesterTest {
  @TempDir static Path videos;
  private static final Map<String, GroundTruth> TRUTH = new HashMap<>();
  private static final List<String> GOOD = List.of("street.mp4", "kitchen.mkv", "beach.avi");

  @BeforeAll
  static void renderFolder() throws IOException {
    SyntheticVideo base = new SyntheticVideo(320, 180, 24, Format.MP4_H264);
    Format[] formats = {Format.MP4_H264, Format.MKV_H264, Format.AVI_MPEG4};
    for (int v = 0; v < GOOD.size(); v++) {
      String name = GOOD.get(v);
      TRUTH.put(name, base.in(formats[v]).render(plan(v), videos.resolve(name)));
    }
    lingerCues(SyntheticVideo.srtFor(videos.resolve("street.mp4")), 3.0 / 24);
    byte[] whole = Files.readAllBytes(videos.resolve("street.mp4"));
    Path broken = Files.createDirectories(videos.resolve("broken"));
    // An MP4 cut short: the index (moov) at its end is gone.
    Files.write(broken.resolve("truncated.mp4"), java.util.Arrays.copyOf(whole, whole.length / 3));
    Files.write(broken.resolve("empty.mp4"), new byte[0]);
    Files.writeString(videos.resolve("notes.txt"), "shot list, not a video");
  }

  /**
   * Makes every cue of {@code srt} end {@code seconds} later, three frames into the next shot, as
   * real subtitles often do: each shot must still carry only its own caption.
   */
  private static void lingerCues(Path srt, double seconds) throws IOException {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("--> (\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d)")
            .matcher(Files.readString(srt));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long ms =
          Math.round(
              (Integer.parseInt(m.group(1)) * 3600
                          + Integer.parseInt(m.group(2)) * 60
                          + Integer.parseInt(m.group(3)))
                      * 1000.0
                  + Integer.parseInt(m.group(4))
                  + seconds * 1000);
      m.appendReplacement(
          out,
          String.format(
              "--> %02d:%02d:%02d,%03d",
              ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000));
    }
    m.appendTail(out);
    Files.writeString(srt, out.toString());
  }

  /** Four shots joined by hard cuts, each look different from its neighbour. */
  private static List<ShotPlan> plan(int v) {
    Palette[] palettes = Palette.values();
    Camera[] cameras = {Camera.STATIC, Camera.PAN, Camera.ZOOM, Camera.SHAKE};
    int[] lengths = {30, 24, 36, 28};
    List<ShotPlan> plan = new java.util.ArrayList<>();
    for (int k = 0; k < 4; k++) {
      Scene scene =
          new Scene(
              palettes[(k + v) % 4],
              k % 2 == 0 ? Framing.WIDE : Framing.CLOSE,
              k == 2 ? 12 : k,
              k == 1 ? "LIVE" : "",
              cameras[(k + v) % 4],
              100L * v + k);
      plan.add(new ShotPlan(scene, lengths[k], ShotPlan.Entry.CUT));
    }
    return plan;
  }

  private static IngestReport ingest(
      Path corpusDir, Embedder embedder, IngestOptions options, List<Path> paths) {
    try (Corpus corpus =
        Corpus.open(corpusDir, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      return new Ingester(corpus, embedder, options).run(paths);
    }
  }

  private static Map<String, FileResult> byName(IngestReport report) {
    return report.files().stream()
        .collect(Collectors.toMap(f -> Path.of(f.file()).getFileName().toString(), f -> f));
  }

  @Test
  void ingestsGoodVideosAndReportsEveryBadFileWithoutStopping(@TempDir Path dir)
      throws IOException {
    Path corpusDir = dir.resolve("corpus");
    IngestReport report;
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      report = ingest(corpusDir, embedder, IngestOptions.defaults(), List.of(videos));
    }
    Map<String, FileResult> files = byName(report);
    assertEquals(6, files.size(), report.table());
    for (String good : GOOD) {
      FileResult r = files.get(good);
      assertEquals(FileResult.OK, r.status(), report.table());
      assertEquals(
          TRUTH.get(good).shots().size(), r.shots(), good + " shot count\n" + report.table());
      assertEquals(TRUTH.get(good).frameCount(), r.frames(), good + " frames");
    }
    assertEquals(FileResult.FAILED, files.get("empty.mp4").status());
    assertTrue(
        files.get("empty.mp4").reason().contains("empty.mp4"), files.get("empty.mp4").reason());
    assertEquals(FileResult.FAILED, files.get("truncated.mp4").status(), report.table());
    assertEquals(FileResult.SKIPPED, files.get("notes.txt").status());
    assertTrue(files.get("notes.txt").reason().contains("not a video"));
    assertEquals(1, report.exitStatus(), "a run with failed files fails");
    assertTrue(Files.isRegularFile(CorpusLayout.of(corpusDir).ingestReport()));

    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
      int expected = GOOD.stream().mapToInt(g -> TRUTH.get(g).shots().size()).sum();
      assertEquals(expected, corpus.size());
      assertEquals(expected, corpus.vectors().size());
      for (Clip clip : corpus.clips().toList()) {
        float[] v = corpus.vector(clip.key());
        assertEquals(1.0, VectorMath.norm(v), 1e-4, clip.key());
        assertNotNull(
            ImageIO.read(corpus.layout().thumbnail(clip.key()).toFile()),
            "thumbnail of " + clip.key());
        assertTrue(
            Files.size(corpus.layout().preview(clip.key())) > 100, "preview of " + clip.key());
        assertEquals(clip.video() + "|" + clip.frameIn(), clip.key());
        assertFalse(clip.text().isBlank(), "captions of " + clip.key());
      }
      // Shots line up with the truth, and each carries its own caption from the .srt, and only
      // that one, though every cue lingers three frames into the next shot.
      GroundTruth street = TRUTH.get("street.mp4");
      for (int s = 0; s < street.shots().size(); s++) {
        Clip clip = corpus.clip("street.mp4|" + street.shots().get(s).first()).orElseThrow();
        assertEquals(street.shots().get(s).last(), clip.frameOut());
        assertEquals(street.captions().get(s), clip.text());
        assertEquals("street", clip.title());
      }
    }
  }

  @Test
  void resumesAfterASubsetAndRerunsIngestNothing(@TempDir Path dir) throws IOException {
    Path corpusDir = dir.resolve("corpus");
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      // A "killed" run that only got through one video.
      IngestReport first =
          ingest(
              corpusDir,
              embedder,
              IngestOptions.defaults(),
              List.of(videos.resolve("kitchen.mkv")));
      assertEquals(1, first.count(FileResult.OK));
      IngestReport full =
          ingest(
              corpusDir,
              embedder,
              IngestOptions.defaults(),
              GOOD.stream().map(videos::resolve).toList());
      Map<String, FileResult> files = byName(full);
      assertEquals(FileResult.SKIPPED, files.get("kitchen.mkv").status());
      assertEquals(FileResult.OK, files.get("street.mp4").status());
      assertEquals(FileResult.OK, files.get("beach.avi").status());
      IngestReport again =
          ingest(
              corpusDir,
              embedder,
              IngestOptions.defaults(),
              GOOD.stream().map(videos::resolve).toList());
      assertEquals(3, again.count(FileResult.SKIPPED), again.table());
      assertEquals(0, again.shots());
    }
    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
      assertEquals(GOOD.stream().mapToInt(g -> TRUTH.get(g).shots().size()).sum(), corpus.size());
    }
  }

  @Test
  void aVideoThatDiesBeforeItsAppendLeavesTheCorpusValidAndIsRedone(@TempDir Path dir) {
    Path corpusDir = dir.resolve("corpus");
    List<Path> two = List.of(videos.resolve("street.mp4"), videos.resolve("beach.avi"));
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      IngestOptions crashing =
          IngestOptions.defaults()
              .withBeforeAppend(
                  video -> {
                    if (video.equals("beach.avi")) {
                      throw new IllegalStateException("simulated crash after media, before append");
                    }
                  });
      IngestReport crashed = ingest(corpusDir, embedder, crashing, two);
      assertEquals(FileResult.FAILED, byName(crashed).get("beach.avi").status());
      try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
        assertEquals(TRUTH.get("street.mp4").shots().size(), corpus.size());
        assertTrue(corpus.clips().noneMatch(c -> c.video().equals("beach.avi")));
      }
      IngestReport resumed = ingest(corpusDir, embedder, IngestOptions.defaults(), two);
      assertEquals(FileResult.SKIPPED, byName(resumed).get("street.mp4").status());
      assertEquals(FileResult.OK, byName(resumed).get("beach.avi").status());
      assertEquals(TRUTH.get("beach.avi").shots().size(), byName(resumed).get("beach.avi").shots());
    }
  }

  @Test
  void aCutOffFileWithItsIndexInFrontIsIngestedWithATruncationWarning(@TempDir Path dir)
      throws Exception {
    // The same frames re-encoded with the MP4 index first (faststart), then the second half cut
    // off: the header still announces the whole video, the data holds half of it.
    Path whole = dir.resolve("faststart.mp4");
    try (var grabber =
        new org.bytedeco.javacv.FFmpegFrameGrabber(videos.resolve("street.mp4").toFile())) {
      grabber.start();
      var recorder =
          new org.bytedeco.javacv.FFmpegFrameRecorder(
              whole.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0);
      recorder.setFormat("mp4");
      recorder.setVideoCodecName("libopenh264");
      recorder.setFrameRate(grabber.getFrameRate());
      recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
      recorder.setOption("movflags", "+faststart");
      recorder.start();
      for (var frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
        recorder.record(frame);
      }
      recorder.stop();
      recorder.release();
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.createDirectories(dir.resolve("in")).resolve("truncated_faststart.mp4");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      IngestReport report =
          ingest(dir.resolve("corpus"), embedder, IngestOptions.defaults(), List.of(cut));
      FileResult r = byName(report).get("truncated_faststart.mp4");
      assertEquals(FileResult.OK, r.status(), report.table());
      assertTrue(
          r.frames() < TRUTH.get("street.mp4").frameCount() * 0.8,
          r.frames() + " frames; " + report.table());
      assertTrue(r.warnings().stream().anyMatch(w -> w.contains("truncated")), report.table());
      assertTrue(
          report.table().contains("truncated"), "the table shows the warning: " + report.table());
    }
  }

  @Test
  void aReRunWithOnlyTheBadFilesLeftExitsAsTheFirstRun(@TempDir Path dir) {
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      List<Path> both = List.of(videos.resolve("street.mp4"), videos.resolve("broken"));
      IngestReport first = ingest(dir.resolve("corpus"), embedder, IngestOptions.defaults(), both);
      IngestReport again = ingest(dir.resolve("corpus"), embedder, IngestOptions.defaults(), both);
      assertEquals(FileResult.SKIPPED, byName(again).get("street.mp4").status(), again.table());
      assertEquals(first.exitStatus(), again.exitStatus());
      assertEquals(1, again.exitStatus(), "failed files fail the run");
    }
  }

  @Test
  void onlyBrokenFilesMeansFailureExitStatus(@TempDir Path dir) {
    try (DescriptorEmbedder embedder = new DescriptorEmbedder()) {
      IngestReport report =
          ingest(
              dir.resolve("corpus"),
              embedder,
              IngestOptions.defaults(),
              List.of(videos.resolve("broken")));
      assertEquals(2, report.count(FileResult.FAILED), report.table());
      assertEquals(1, report.exitStatus());
    }
  }

  @Test
  void clipEmbedderIngestsThroughDjlAndAnotherEmbedderIsRefused(@TempDir Path dir) {
    Path corpusDir = dir.resolve("corpus");
    try (ClipEmbedder clip = ClipEmbedder.open(TinyClip.single())) {
      IngestReport report =
          ingest(corpusDir, clip, IngestOptions.defaults(), List.of(videos.resolve("kitchen.mkv")));
      assertEquals(TRUTH.get("kitchen.mkv").shots().size(), report.shots(), report.table());
    }
    try (DescriptorEmbedder other = new DescriptorEmbedder()) {
      UserException e =
          assertThrows(
              UserException.class,
              () ->
                  ingest(
                      corpusDir,
                      other,
                      IngestOptions.defaults(),
                      List.of(videos.resolve("street.mp4"))));
      assertTrue(
          e.getMessage().contains("clip") && e.getMessage().contains("descriptor"), e.getMessage());
    }
  }

  @Test
  void commandPrintsTheReportAndExitsOneWhenAFileFailed(@TempDir Path dir) throws Exception {
    Path corpusDir = dir.resolve("corpus");
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    int broken;
    int good;
    try {
      broken =
          new picocli.CommandLine(new org.videoannotator.embed.cli.IngestCommand())
              .execute(videos.resolve("broken").toString(), "--corpus", corpusDir.toString());
      captured.reset();
      good =
          new picocli.CommandLine(new org.videoannotator.embed.cli.IngestCommand())
              .execute(
                  videos.resolve("street.mp4").toString(),
                  videos.resolve("broken").toString(),
                  "--corpus",
                  corpusDir.toString(),
                  "--json",
                  "--threads",
                  "1",
                  "--sample-fps",
                  "1");
    } finally {
      System.setOut(out);
    }
    assertEquals(1, broken);
    assertEquals(1, good, "street.mp4 went in, but the broken files failed");
    assertEquals(
        0,
        new picocli.CommandLine(new org.videoannotator.embed.cli.IngestCommand())
            .execute(videos.resolve("street.mp4").toString(), "--corpus", corpusDir.toString()),
        "nothing failed");
    var json =
        org.videoannotator.core.Json.mapper()
            .readTree(captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("descriptor", json.get("embedder").asText());
    assertEquals(3, json.get("files").size());
    assertEquals(
        TRUTH.get("street.mp4").shots().size(), json.get("files").get(0).get("shots").asInt());
  }
}
