package org.videoannotator.embed.video.shots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled cut classifier: its features are the documented ones, and it ranks sensibly. */
class CutModelTest {
  @TempDir Path dir;

  @Test
  void bundledModelNamesTheDocumentedFeatures() {
    CutModel m = CutModel.bundled();
    assertNotNull(m, "cut-classifier.json is bundled");
    assertEquals(CutFeatures.NAMES, m.features());
    assertEquals(CutFeatures.NAMES.size(), m.weights().length);
    assertTrue(
        m.trainedOn().contains("texture0") && !m.trainedOn().contains("texture1,"),
        "trained on the tuning half only: " + m.trainedOn());
  }

  @Test
  void aClearCutOutranksAFrameInsideABusyShot() {
    CutModel m = CutModel.bundled();
    // score, overMedian, logRatioQ3, overCalmSide, overBusySide, peak, 4 contrasts, rule
    double[] cut = {0.9, 0.45, 0.6, 0.88, 0.4, 0.4, 2.9, 1.5, 1.0, 1.8, 0};
    double[] busy = {0.48, 0.0, 0.0, 0.0, -0.02, -0.01, 0.1, 0.1, 0.2, 0.05, 0};
    assertTrue(m.probability(cut) >= m.threshold(), "cut p=" + m.probability(cut));
    assertTrue(m.probability(busy) < m.threshold(), "busy p=" + m.probability(busy));
  }

  @Test
  void aModelWithOtherFeaturesIsRefused() {
    double[] one = {1};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CutModel(1, List.of("other"), one, one, one, 0, 0.5, "test"));
    assertTrue(e.getMessage().contains("retrain"), e.getMessage());
  }

  @Test
  void writtenModelReadsBack() throws Exception {
    CutModel m = CutModel.bundled();
    Path f = dir.resolve("m.json");
    m.write(f);
    String json = java.nio.file.Files.readString(f);
    assertTrue(json.contains("\"contrastLayout\""), json);
  }
}
