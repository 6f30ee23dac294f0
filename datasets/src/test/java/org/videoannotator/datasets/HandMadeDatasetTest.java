package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandMadeDatasetTest {
  @TempDir Path dir;

  @BeforeEach
  void write() {
    HandMadeDataset.write(dir);
  }

  @Test
  void shotsKeepFileOrderTypedColumnsAndExtras() {
    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(List.of(HandMadeDataset.KEYS), ds.shots().stream().map(Shot::key).toList());
      Shot ab = ds.shots().get(1);
      assertEquals(
          new Shot(
              "a b|17",
              "a b",
              "line one\nline two",
              "drama",
              17,
              40,
              0.709,
              1.71,
              23.976,
              3,
              Map.of("notes", "has, comma", "", "1")),
          ab);
      Shot comma = ds.shots().get(3);
      assertEquals("k,with,comma", comma.ytId());
      assertEquals(3, comma.frameIn(), "pandas-style 3.0 is an integer");
      assertEquals("", comma.genre());
      assertEquals("say \"hi\"", ds.shots().get(2).desc());
      assertEquals(List.of("notes", ""), List.copyOf(ab.extra().keySet()));
    }
  }

  @Test
  void embeddingsAreKeyedByCsvRow() {
    try (VaDataset ds = VaDataset.open(dir)) {
      for (int r = 0; r < HandMadeDataset.KEYS.length; r++) {
        assertArrayEquals(
            HandMadeDataset.embedding(r),
            ds.embeddings().vector(HandMadeDataset.KEYS[r]),
            HandMadeDataset.KEYS[r]);
      }
      assertEquals(4, ds.embeddings().dim());
    }
  }

  @Test
  void labelFilesReadWithHyphenatedNames() {
    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(List.of("car-chase", "over-the-shoulder-shot", "slow-motion"), ds.labels());
      assertEquals(
          new AggEntry("Ωmega|0", true, List.of(false, true), true, 2), ds.agg("car-chase").get(2));
      assertEquals(2, ds.checkpoints("car-chase").orElseThrow().size());
      assertEquals(
          List.of("x|5", "k,with,comma|3"), ds.checkpoints("car-chase").orElseThrow().get(1).neg());
      assertEquals(
          new ValidationSet(List.of("x|1"), List.of("q\"uote|8")),
          ds.aveValidation("slow-motion").orElseThrow());
      assertTrue(ds.cmp("over-the-shoulder-shot").isEmpty());
      assertTrue(ds.checkpoints("slow-motion").isEmpty());
      assertTrue(ds.queries().isEmpty());
    }
  }

  @Test
  void statsAreCountedExactly() {
    DatasetStats stats;
    try (VaDataset ds = VaDataset.open(dir)) {
      stats = DatasetStats.of(ds);
    }
    assertEquals(7, stats.shots());
    assertEquals(4, stats.dim());
    assertEquals(6, stats.titles());
    DatasetStats.LabelStats car = stats.labels().get(0);
    assertEquals(
        new DatasetStats.LabelStats("car-chase", 5, 3, 0.6, 0.6, 4, 0.25, 2, 1.0, 2, 4), car);
    DatasetStats.LabelStats ots = stats.labels().get(1);
    assertEquals(4, ots.aggCount());
    assertEquals(1, ots.positives());
    assertEquals(0.25, ots.positiveRate());
    assertEquals(0.5, ots.agreement());
    assertEquals(0, ots.cmpRandomCount());
    assertTrue(Double.isNaN(ots.cmpRandomRate()));
    DatasetStats.LabelStats slow = stats.labels().get(2);
    assertEquals(0, slow.aggCount());
    assertTrue(Double.isNaN(slow.agreement()));
    assertEquals(new DatasetStats.Totals(3, 9, 17, 7, 0.55, 0.425, 0.25, 1.0), stats.totals());
  }
}
