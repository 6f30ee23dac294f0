package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.datasets.Shot;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.datasets.VaDatasetWriter;

class ImportVaTest {
  static final int DIM = 24;
  @TempDir Path tmp;

  /** A tiny released-layout folder: 300 shots of 30 videos, 2 label text embeddings. */
  static Path writeDataset(Path dir, float[][] vectors) {
    List<Shot> shots = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      String yt = "yt" + (i / 10);
      int frameIn = (i % 10) * 48;
      shots.add(
          new Shot(
              yt + "|" + frameIn,
              yt,
              "a shot of " + (i % 2 == 0 ? "dogs running" : "a quiet city"),
              i % 3 == 0 ? "drama" : "comedy",
              frameIn,
              frameIn + 47,
              frameIn / 23.976,
              (frameIn + 47) / 23.976,
              23.976,
              i % 10,
              Map.of()));
    }
    VaDatasetWriter writer = new VaDatasetWriter(dir);
    writer.writeShots(shots);
    writer.writeEmbeddings(FloatMatrix.ofRows(vectors));
    Map<String, float[]> text = new LinkedHashMap<>();
    text.put("action", vectors[7]);
    text.put("city", vectors[8]);
    writer.writeTextEmbeddings(text);
    return dir;
  }

  @Test
  void importsShotsVectorsAndLabelQueriesThenSkipsThemOnRerun() {
    float[][] vectors = TestData.clustered(300, DIM, 10, 0.4, 3);
    Path data = writeDataset(tmp.resolve("data"), vectors);
    Path corpusDir = tmp.resolve("corpus");
    try (VaDataset dataset = VaDataset.open(data)) {
      VaImport.Summary first = VaImport.run(dataset, corpusDir, 128, true, null);
      assertEquals(new VaImport.Summary(300, 300, 0, 2, 300, 1), first);
      VaImport.Summary again = VaImport.run(dataset, corpusDir, 128, true, null);
      assertEquals(new VaImport.Summary(300, 0, 300, 2, 300, 1), again);
    }
    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.expecting(VaImport.RELEASED, DIM))) {
      Clip clip = corpus.clip("yt3|96").orElseThrow();
      assertEquals("yt3", clip.video());
      assertEquals(96, clip.frameIn());
      assertEquals(143, clip.frameOut());
      assertEquals(2, clip.cluster());
      assertEquals("a shot of dogs running", clip.text());
      assertEquals("comedy", clip.extra().get("genre"));
      assertEquals(96 / 23.976, clip.start(), 1e-9);
      assertArrayEquals(
          VectorMath.normalisedCopy(vectors[32], DIM, "x"), corpus.vector("yt3|96"), 1e-6f);
      assertEquals(
          "yt0|336",
          corpus
              .search(SearchRequest.builder().namedQuery("action").k(1).build())
              .hits()
              .get(0)
              .key());
      assertEquals(30, corpus.videos().size());
      assertEquals(
          150, corpus.search(SearchRequest.builder().words("dog").k(1000).build()).hits().size());
    }
  }

  @Test
  void importIntoACorpusOfAnotherEmbedderIsRefused() {
    float[][] vectors = TestData.clustered(20, DIM, 2, 0.4, 4);
    Path data = writeDataset(tmp.resolve("data"), vectors);
    Corpus.open(tmp.resolve("corpus"), CorpusOptions.create(TestData.EMBEDDER, DIM)).close();
    try (VaDataset dataset = VaDataset.open(data)) {
      UserException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              UserException.class,
              () -> VaImport.run(dataset, tmp.resolve("corpus"), 10, false, null));
      assertTrue(
          e.getMessage().contains("va-released-clip4clip")
              && e.getMessage().contains("test-embedder"),
          e.getMessage());
    }
  }
}
