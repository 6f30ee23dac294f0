package org.videoannotator.embed.precomputed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;

class PrecomputedImporterTest {
  private static Path fixture(String name) {
    try {
      return Path.of(PrecomputedImporterTest.class.getResource("/precomputed/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Row i of the fixtures is (i+1)*10 + (0, 1, 2), normalised by the corpus. */
  private static float[] expected(int row) {
    float[] v = {(row + 1) * 10, (row + 1) * 10 + 1, (row + 1) * 10 + 2};
    return VectorMath.normalizeInPlace(v);
  }

  private static Corpus corpus(Path dir, int dim) {
    return Corpus.open(
        dir, CorpusOptions.create(PrecomputedImporter.info(PrecomputedImporter.ID, "1"), dim));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vectors-f4.npy", "vectors-f8.npy", "vectors-v2.npy"})
  void importsNumpyRowsWithTheirClipMetadata(String file, @TempDir Path dir) throws IOException {
    try (Corpus corpus = corpus(dir.resolve("c"), 3)) {
      var result =
          PrecomputedImporter.importInto(
              corpus,
              fixture(file),
              Optional.of(fixture("clips.csv")),
              PrecomputedImporter.DEFAULT_DATASET);
      assertEquals(new PrecomputedImporter.Result(5, 5, 0), result);
      assertArrayEquals(expected(3), corpus.vector("xyz|48"), 1e-6f);
      Clip clip = corpus.clip("abc|0").orElseThrow();
      assertEquals("abc", clip.video());
      assertEquals("a dog, running", clip.text());
      assertEquals(35, clip.frameOut());
      assertEquals(3, clip.cluster());
      assertEquals("comedy", clip.extra().get("genre"));
    }
  }

  @Test
  void importsHdf5AndSkipsWhatIsAlreadyThere(@TempDir Path dir) throws IOException {
    Path h5 = dir.resolve("vectors.h5");
    float[][] rows = new float[5][];
    for (int i = 0; i < 5; i++) {
      rows[i] = new float[] {(i + 1) * 10, (i + 1) * 10 + 1, (i + 1) * 10 + 2};
    }
    try (WritableHdfFile hdf = HdfFile.write(h5)) {
      hdf.putDataset("embeddings", rows);
    }
    try (Corpus corpus = corpus(dir.resolve("c"), 3)) {
      PrecomputedImporter.importInto(corpus, h5, Optional.of(fixture("clips.csv")), "embeddings");
      var again =
          PrecomputedImporter.importInto(
              corpus, h5, Optional.of(fixture("clips.csv")), "embeddings");
      assertEquals(new PrecomputedImporter.Result(5, 0, 5), again);
      assertEquals(5, corpus.size());
      assertArrayEquals(expected(4), corpus.vector("xyz|96"), 1e-6f);
    }
  }

  @Test
  void csvVectorsCarryTheirKeysAndTakeMetadataByKey(@TempDir Path dir) throws IOException {
    try (Corpus corpus = corpus(dir.resolve("c"), 3)) {
      PrecomputedImporter.importInto(
          corpus, fixture("vectors.csv"), Optional.of(fixture("clips.csv")), "");
      assertEquals(3, corpus.size());
      assertArrayEquals(expected(2), corpus.vector("xyz|0"), 1e-6f);
      assertEquals("kitchen", corpus.clip("xyz|0").orElseThrow().text());
      assertEquals("new", corpus.clip("new|1").orElseThrow().video());
    }
  }

  @Test
  void mismatchesAndBadFilesAreNamed(@TempDir Path dir) throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.txt"), "a|0\nb|0\n");
    try (Corpus corpus = corpus(dir.resolve("c"), 3)) {
      UserException rows =
          assertThrows(
              UserException.class,
              () ->
                  PrecomputedImporter.importInto(
                      corpus, fixture("vectors-f4.npy"), Optional.of(keys), ""));
      assertTrue(
          rows.getMessage().contains("2 clips") && rows.getMessage().contains("5 vectors"),
          rows.getMessage());
      UserException noKeys =
          assertThrows(
              UserException.class,
              () ->
                  PrecomputedImporter.importInto(
                      corpus, fixture("vectors-f4.npy"), Optional.empty(), ""));
      assertTrue(noKeys.getMessage().contains("--clips"), noKeys.getMessage());
      UserException cube =
          assertThrows(
              UserException.class,
              () ->
                  PrecomputedImporter.importInto(
                      corpus, fixture("cube.npy"), Optional.of(keys), ""));
      assertTrue(cube.getMessage().contains("2-D"), cube.getMessage());
      assertEquals(0, corpus.size());
    }
    Path truncated = dir.resolve("t.npy");
    byte[] whole = Files.readAllBytes(fixture("vectors-f4.npy"));
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 8));
    UserException t =
        assertThrows(UserException.class, () -> PrecomputedImporter.dimension(truncated, ""));
    assertTrue(t.getMessage().contains("truncated"), t.getMessage());
  }
}
