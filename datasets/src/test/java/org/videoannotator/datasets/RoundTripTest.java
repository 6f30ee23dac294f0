package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.FloatMatrix;

class RoundTripTest {
  @TempDir Path dir;

  @Test
  void everyFileReadsBackAsWritten() throws IOException {
    // An empty cell reads back as "" (CSV cannot tell it from null), so the fixture uses "".
    List<Shot> shots =
        List.of(
            new Shot(
                "yt1|0",
                "yt1",
                "a \"quoted\", multi\nline desc",
                "drama",
                0,
                23,
                0.0,
                0.96,
                23.976,
                3,
                Map.of("note", "x,y")),
            new Shot("yt1|24", "yt1", "", "", 24, 71, 1.0, 2.96, 23.976, 0, Map.of("note", "")),
            new Shot(
                "zürich shot ☃",
                "",
                "",
                "",
                -1,
                -1,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                -1,
                Map.of("note", "")));
    float[] values = {1f, -2f, 3.5f, 0f, 1e-7f, -0f, 7f, 8f, 9f};
    Map<String, float[]> text = new LinkedHashMap<>();
    text.put("car-chase", new float[] {1f, 0f, 0f});
    text.put("action", new float[] {0f, 1f, 0.5f});
    List<AggEntry> agg =
        List.of(
            new AggEntry("yt1|0", true, List.of(true, false), true, 2),
            new AggEntry("zürich shot ☃", false, List.of(false, false), false, 0));
    CmpSet cmp =
        new CmpSet(
            List.of(new KeyValue("yt1|24", false)),
            List.of(new KeyValue("yt1|0", true), new KeyValue("zürich shot ☃", false)));
    List<Checkpoint> checkpoints =
        List.of(
            new Checkpoint(List.of("yt1|0"), List.of()),
            new Checkpoint(List.of("yt1|0"), List.of("yt1|24", "zürich shot ☃")));
    ValidationSet validation = new ValidationSet(List.of("yt1|24"), List.of("yt1|0"));

    VaDatasetWriter writer = new VaDatasetWriter(dir);
    writer.writeShots(shots);
    writer.writeEmbeddings(FloatMatrix.ofHeap(values, 3, 3));
    writer.writeTextEmbeddings(text);
    writer.writeQueries(Json.mapper().createArrayNode().add("car chase at night"));
    writer.writeAgg("car-chase", agg);
    writer.writeCmp("car-chase", cmp);
    writer.writeCheckpoints("car-chase", checkpoints);
    writer.writeAveValidation("action", validation);

    JsonNode aggFile = Json.mapper().readTree(dir.resolve("agg/car-chase.json").toFile());
    assertEquals("A", aggFile.get("primary").asText(), "release shape: annotator names on top");
    assertEquals("[\"B\",\"C\"]", aggFile.get("secondaries").toString());
    assertEquals(
        "{\"B\":true,\"C\":false}", aggFile.get("data").get(0).get("secondaries").toString());

    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(shots, ds.shots());
      assertEquals(3, ds.embeddings().size());
      assertEquals(3, ds.embeddings().dim());
      assertArrayEquals(new float[] {0f, 1e-7f, -0f}, ds.embeddings().vector("yt1|24"));
      assertArrayEquals(new float[] {7f, 8f, 9f}, ds.embeddings().vector("zürich shot ☃"));
      assertTrue(
          ds.embeddings().matrix().toString().contains("mapped"),
          "contiguous float32 must be memory-mapped, got " + ds.embeddings().matrix());
      assertEquals(List.of("action", "car-chase"), List.copyOf(ds.textEmbeddings().keySet()));
      assertArrayEquals(text.get("action"), ds.textEmbedding("action").orElseThrow());
      assertEquals("car chase at night", ds.queries().orElseThrow().get(0).asText());
      assertEquals(List.of("action", "car-chase"), ds.labels());
      assertEquals(agg, ds.agg("car-chase"));
      assertEquals(Optional.of(cmp), ds.cmp("car-chase"));
      assertEquals(Optional.of(checkpoints), ds.checkpoints("car-chase"));
      assertEquals(Optional.of(validation), ds.aveValidation("action"));
      assertEquals(Optional.empty(), ds.cmp("action"));
      assertEquals(Optional.empty(), ds.aveValidation("car-chase"));
    }
  }

  @Test
  void largeMatrixStreamsThroughSeveralWriteBatches() {
    int rows = 1000;
    int dim = 17;
    VaDatasetWriter writer = new VaDatasetWriter(dir);
    writer.writeEmbeddings(
        rows,
        dim,
        (row, dst) -> {
          for (int j = 0; j < dim; j++) {
            dst[j] = row * 100 + j;
          }
        });
    try (FloatMatrix m = EmbeddingsFile.open(dir.resolve(VaDataset.EMBEDDINGS))) {
      assertEquals(rows, m.rows());
      assertEquals(dim, m.dim());
      for (int r : new int[] {0, 255, 256, 511, 999}) {
        for (int j = 0; j < dim; j++) {
          assertEquals(r * 100 + j, m.get(r, j), "row " + r + " col " + j);
        }
      }
    }
  }
}
