package org.videoannotator.embed.model.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;

/** The real DJL + libtorch path on the tiny model, against PyTorch's golden outputs. */
class ClipEmbedderTest {
  private static final double ABS = 1e-4;
  private static final double REL = 1e-3;

  @ParameterizedTest
  @ValueSource(strings = {"single", "split"})
  void imageAndTextVectorsMatchPyTorch(String layout) throws IOException {
    JsonNode golden = TinyClip.golden();
    try (ClipEmbedder clip = ClipEmbedder.open(TinyClip.root().resolve(layout))) {
      assertEquals(24, clip.dimension());
      for (JsonNode g : golden.get("images")) {
        var image = TinyClip.pattern(g.get("pattern").asInt(), g.get("size").asInt());
        float[] v = clip.model().encodeImages(List.of(image))[0];
        assertClose(TinyClip.floats(g.get("vector")), v, layout + " image " + g.get("pattern"));
      }
      var text = clip.textEncoder().orElseThrow();
      for (JsonNode g : golden.get("texts")) {
        assertClose(
            TinyClip.floats(g.get("vector")),
            text.encode(g.get("text").asText()),
            layout + " text '" + g.get("text").asText() + "'");
      }
    }
  }

  @Test
  void shotVectorIsTheNormalisedMeanOfItsFrames() throws IOException {
    JsonNode golden = TinyClip.golden().get("images");
    float[] a = TinyClip.floats(golden.get(0).get("vector"));
    float[] b = TinyClip.floats(golden.get(1).get("vector"));
    float[] expected = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      expected[i] = a[i] + b[i];
    }
    VectorMath.normalizeInPlace(expected);
    try (ClipEmbedder clip = ClipEmbedder.open(TinyClip.single())) {
      ShotFrames shot =
          new ShotFrames(
              0,
              47,
              24,
              List.of(
                  SampledFrame.still(0, 0, TinyClip.pattern(0, 32)),
                  SampledFrame.still(24, 1, TinyClip.pattern(1, 32))),
              0);
      assertClose(expected, clip.embedShot(shot), "mean pooled shot");
      assertEquals(1.0, VectorMath.norm(clip.embedShot(shot)), 1e-5);
    }
  }

  @Test
  void largerNonSquareFramesAreResizedAndCropped() {
    try (ClipEmbedder clip = ClipEmbedder.open(TinyClip.single())) {
      var wide =
          new java.awt.image.BufferedImage(160, 90, java.awt.image.BufferedImage.TYPE_INT_RGB);
      float[] v =
          clip.embedShot(new ShotFrames(0, 0, 25, List.of(SampledFrame.still(0, 0, wide)), 0));
      assertEquals(24, v.length);
      assertEquals(1.0, VectorMath.norm(v), 1e-5);
    }
  }

  @Test
  void infoNamesTheWeightsSoDifferentModelsNeverMix() {
    try (ClipEmbedder single = ClipEmbedder.open(TinyClip.single());
        ClipEmbedder split = ClipEmbedder.open(TinyClip.split())) {
      assertEquals("clip", single.info().id());
      assertEquals("tiny-clip-random", single.info().params().get("model_name"));
      assertEquals(12, single.info().version().length());
      assertFalse(single.info().equals(split.info()));
    }
  }

  @Test
  void missingFolderOrFilesGiveActionableErrors(@TempDir Path dir) throws IOException {
    UserException none =
        assertThrows(UserException.class, () -> ClipEmbedder.open(dir.resolve("nope")));
    assertTrue(
        none.getMessage().contains("does not exist")
            && none.getMessage().contains("export_clip.py"),
        none.getMessage());

    UserException noWeights = assertThrows(UserException.class, () -> ClipEmbedder.open(dir));
    assertTrue(noWeights.getMessage().contains("model.pt"), noWeights.getMessage());

    Files.copy(TinyClip.single().resolve("model.pt"), dir.resolve("model.pt"));
    UserException noConfig = assertThrows(UserException.class, () -> ClipEmbedder.open(dir));
    assertTrue(noConfig.getMessage().contains("config.json"), noConfig.getMessage());

    Files.writeString(dir.resolve("config.json"), "{\"model_name\": \"x\", \"image_size\": 32}");
    UserException badConfig = assertThrows(UserException.class, () -> ClipEmbedder.open(dir));
    assertTrue(badConfig.getMessage().contains("mean"), badConfig.getMessage());

    Files.copy(
        TinyClip.single().resolve("config.json"),
        dir.resolve("config.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    UserException noTokenizer = assertThrows(UserException.class, () -> ClipEmbedder.open(dir));
    assertTrue(noTokenizer.getMessage().contains("vocab.json"), noTokenizer.getMessage());
  }

  @Test
  void corruptWeightsAreAUserError(@TempDir Path dir) throws IOException {
    Files.copy(TinyClip.single().resolve("config.json"), dir.resolve("config.json"));
    Files.writeString(dir.resolve("model.pt"), "not a torchscript archive");
    UserException e = assertThrows(UserException.class, () -> ClipEmbedder.open(dir));
    assertTrue(e.getMessage().contains("model.pt"), e.getMessage());
  }

  @Test
  void anImageOnlyFolderEmbedsShotsButHasNoTextTower(@TempDir Path dir) throws IOException {
    for (String f : List.of("image_encoder.pt", "config.json")) {
      Files.copy(TinyClip.split().resolve(f), dir.resolve(f));
    }
    try (ClipEmbedder clip = ClipEmbedder.open(dir)) {
      assertFalse(clip.textEncoder().isPresent());
      float[] v = clip.model().encodeImages(List.of(TinyClip.pattern(0, 32)))[0];
      assertClose(
          TinyClip.floats(TinyClip.golden().get("images").get(0).get("vector")), v, "image only");
      UserException e = assertThrows(UserException.class, () -> clip.model().encodeText("night"));
      assertTrue(e.getMessage().contains("text_encoder.pt"), e.getMessage());
    }
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = ABS + REL * Math.abs(expected[i]);
      assertEquals(expected[i], actual[i], tolerance, what + " [" + i + "]");
    }
  }
}
