package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/** {@code truth.csv}: written by the generator, one row per shot, read back as any such file. */
class TruthTableTest {
  @TempDir Path dir;

  private static final List<String> LABELS = List.of("car-chase", "static-shot", "anger");

  @Test
  void generatorWritesEveryShotsLatentTruth() throws IOException {
    new SyntheticVaGenerator(new SyntheticVaGenerator.Config(3, 3000, 16, LABELS)).generate(dir);
    TruthTable truth = TruthTable.read(dir.resolve(TruthTable.FILE));
    assertEquals(LABELS, truth.labels());
    assertEquals(
        "key,car-chase,static-shot,anger",
        Files.readAllLines(dir.resolve(TruthTable.FILE)).getFirst());
    JsonNode generator =
        Json.mapper().readTree(dir.resolve(SyntheticVaGenerator.TRUTH_FILE).toFile());
    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(ds.shots().stream().map(Shot::key).toList(), truth.keys(), "CSV row order");
      for (int j = 0; j < LABELS.size(); j++) {
        double rate = generator.get("labels").get(j).get("positive_rate").asDouble();
        assertEquals(rate, truth.rate(j), 1.5 / truth.keys().size() + 1e-9, LABELS.get(j));
        // The expert's answers follow the truth, with noise near the boundary only.
        int agree = 0;
        List<AggEntry> agg = ds.agg(LABELS.get(j));
        for (AggEntry a : agg) {
          agree += a.primary() == truth.truth(j, truth.keys().indexOf(a.key())) ? 1 : 0;
        }
        assertTrue(agree > 0.6 * agg.size(), LABELS.get(j) + ": " + agree + " of " + agg.size());
      }
    }
  }

  @Test
  void readsAHandMadeFileAndRejectsBadOnes() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "key,a,b\nx|1,1,0\n\"y,2\",0,1\nz|3,0,0\n");
    TruthTable t = TruthTable.read(file);
    assertEquals(List.of("x|1", "y,2", "z|3"), t.keys());
    assertTrue(t.truth(0, 0) && t.truth(1, 1) && !t.truth(0, 2));
    assertEquals(1 / 3.0, t.rate(1), 1e-12);
    t.write(dir.resolve("again.csv"));
    assertEquals(Files.readString(file), Files.readString(dir.resolve("again.csv")));

    Files.writeString(file, "shot,a\nx,1\n");
    assertTrue(
        assertThrows(UserException.class, () -> TruthTable.read(file))
            .getMessage()
            .contains("'key'"));
    Files.writeString(file, "key,a\nx,2\n");
    assertTrue(
        assertThrows(UserException.class, () -> TruthTable.read(file))
            .getMessage()
            .contains("t.csv:2: column 'a' value '2' is not 0 or 1"));
    Files.writeString(file, "key,a\nx,1\nx,0\n");
    assertTrue(
        assertThrows(UserException.class, () -> TruthTable.read(file))
            .getMessage()
            .contains("appears twice"));
    assertTrue(
        assertThrows(UserException.class, () -> TruthTable.read(dir.resolve("none.csv")))
            .getMessage()
            .contains("no such truth file"));
  }
}
