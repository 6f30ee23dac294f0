package org.videoannotator.embed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.clip.ClipEmbedder;
import org.videoannotator.embed.model.clip.TinyClip;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.index.TextEncoderProvider;

class EmbeddersTest {
  @Test
  void unknownIdsAndMissingModelsAreUserErrors() {
    UserException unknown =
        assertThrows(UserException.class, () -> Embedders.create("resnet", null));
    assertTrue(unknown.getMessage().contains("descriptor"), unknown.getMessage());
    UserException noModel = assertThrows(UserException.class, () -> Embedders.create("clip", null));
    assertTrue(noModel.getMessage().contains("--model"), noModel.getMessage());
    assertThrows(UserException.class, () -> Embedders.create("precomputed", null));
    try (Embedder d = Embedders.create("descriptor", null)) {
      assertInstanceOf(DescriptorEmbedder.class, d);
    }
  }

  @Test
  void concatJoinsWeightedBlocksAndItsTextRanksLikeClip() {
    try (Embedder concat = Embedders.create("concat", TinyClip.single());
        ClipEmbedder clip = ClipEmbedder.open(TinyClip.single())) {
      assertEquals(24 + DescriptorEmbedder.DIMENSION, concat.dimension());
      ShotFrames shot = CameraShots.shot(CameraShots.Move.PAN, false, 3);
      float[] v = concat.embedShot(shot);
      assertEquals(1.0, VectorMath.norm(v), 1e-5);
      double clipPart = 0;
      for (int i = 0; i < 24; i++) {
        clipPart += v[i] * v[i];
      }
      double w = ConcatEmbedder.DESCRIPTOR_WEIGHT;
      assertEquals(1 / (1 + w * w), clipPart, 1e-4);

      float[] text = concat.textEncoder().orElseThrow().encode("a photo of the city at night");
      float[] clipText = clip.textEncoder().orElseThrow().encode("a photo of the city at night");
      for (int i = 24; i < text.length; i++) {
        assertEquals(0, text[i]);
      }
      // Text-to-shot cosine is CLIP's cosine times a constant.
      double expected = VectorMath.dot(clipText, clip.embedShot(shot)) / Math.sqrt(1 + w * w);
      assertEquals(expected, VectorMath.dot(text, v), 1e-4);
    }
  }

  @Test
  void corporaFindTheirTextEncoderThroughTheServiceLoader(@TempDir Path dir) {
    TextEncoderProvider provider =
        ServiceLoader.load(TextEncoderProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p instanceof EmbedTextEncoderProvider)
            .findFirst()
            .orElseThrow();
    try (ClipEmbedder clip = ClipEmbedder.open(TinyClip.single())) {
      Path corpusDir = dir.resolve("corpus");
      try (Corpus corpus =
          Corpus.open(corpusDir, CorpusOptions.create(clip.info(), clip.dimension()))) {
        UserException unrecorded =
            assertThrows(
                UserException.class, () -> provider.encoderFor(corpus.embedder(), corpusDir));
        assertTrue(unrecorded.getMessage().contains("--model"), unrecorded.getMessage());
        ModelRecord.write(corpusDir, TinyClip.single());
        TextEncoder encoder = provider.encoderFor(corpus.embedder(), corpusDir).orElseThrow();
        assertEquals("clip", encoder.id());
        assertEquals(
            List.of(),
            diff(clip.textEncoder().orElseThrow().encode("night"), encoder.encode("night")));
        ((AutoCloseable) encoder).close();
        // A model folder with other weights is refused.
        ModelRecord.write(corpusDir, TinyClip.split());
        assertThrows(UserException.class, () -> provider.encoderFor(corpus.embedder(), corpusDir));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    try (DescriptorEmbedder d = new DescriptorEmbedder()) {
      assertFalse(provider.encoderFor(d.info(), dir).isPresent());
    }
  }

  private static List<Integer> diff(float[] a, float[] b) {
    return java.util.stream.IntStream.range(0, a.length)
        .filter(i -> Math.abs(a[i] - b[i]) > 1e-6)
        .boxed()
        .toList();
  }
}
