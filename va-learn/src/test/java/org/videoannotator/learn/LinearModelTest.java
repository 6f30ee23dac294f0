package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;

class LinearModelTest {
  @TempDir Path dir;

  @Test
  void savesAndLoadsExactly() {
    float[] w = {0.1f, -3.4028235e38f, 1.4e-45f, (float) Math.PI};
    double[][] folds = {{0.5, Double.NaN}, {1.0 / 3, 0.7}};
    LinearModel m =
        new LinearModel(
            w,
            -0.123456789012345678,
            0.0001,
            new double[] {1e-4, 1e4},
            folds,
            0.75,
            0.05,
            10,
            20,
            "abc",
            "2026-01-01T00:00:00Z");
    Path file = dir.resolve("sub/model.json");
    m.save(file);
    LinearModel back = LinearModel.load(file);
    assertEquals(m, back);
    assertTrue(Double.isNaN(back.foldScores()[0][1]));
  }

  @Test
  void loadNamesTheBadFile() throws Exception {
    Path missing = dir.resolve("none.json");
    UserException e = assertThrows(UserException.class, () -> LinearModel.load(missing));
    assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"weights\": \"nope\"}");
    assertThrows(UserException.class, () -> LinearModel.load(bad));
  }

  @Test
  void fingerprintDependsOnKeysAndSides() {
    LinearModel m = new LinearModel(new float[] {1f, 2f}, 0.5, 1, null, null, 0, 0, 1, 1, "", "");
    assertEquals(
        LogisticLoss.sigmoid(1 * 3f + 2 * 4f + 0.5), m.probability(new float[] {3f, 4f}), 1e-12);
    String a = LinearModel.fingerprint(new LabelledSet("x", Set.of("a", "b"), Set.of("c")));
    assertEquals(a, LinearModel.fingerprint(new LabelledSet("x", Set.of("b", "a"), Set.of("c"))));
    assertNotEquals(
        a, LinearModel.fingerprint(new LabelledSet("x", Set.of("a"), Set.of("b", "c"))));
  }
}
