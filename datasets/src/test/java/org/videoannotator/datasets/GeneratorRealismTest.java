package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default synthetic data set (20,000 shots x 64 dims, 8 ontology labels, seed 0) has the shape
 * of the release: titles and clusters, positive rates from 1% to 40%, annotators who mostly agree,
 * zero-shot that works for semantic labels and not for camera labels, VA sessions that find
 * positives, and checkpoints that grow into the agg set. Checked from the files, as a user would.
 */
class GeneratorRealismTest {
  @TempDir static Path dir;
  private static SyntheticVaGenerator.Result result;
  private static VaDataset ds;

  @BeforeAll
  static void generate() {
    result =
        new SyntheticVaGenerator(
                new SyntheticVaGenerator.Config(
                    0,
                    SyntheticVaGenerator.DEFAULT_SHOTS,
                    SyntheticVaGenerator.DEFAULT_DIM,
                    SyntheticVaGenerator.Config.defaultLabels(8)))
            .generate(dir);
    ds = VaDataset.open(dir);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @Test
  void shotsComeInTitlesAndAllTenClusters() {
    Set<String> titles = new HashSet<>();
    Set<Integer> clusters = new HashSet<>();
    Map<String, String> genreOfTitle = new HashMap<>();
    for (Shot s : ds.shots()) {
      titles.add(s.ytId());
      clusters.add(s.clusterIndex());
      assertEquals(s.ytId() + "|" + s.frameIn(), s.key());
      assertTrue(s.frameOut() >= s.frameIn() && s.end() > s.start(), s.toString());
      String before = genreOfTitle.putIfAbsent(s.ytId(), s.genre());
      assertTrue(before == null || before.equals(s.genre()), "one genre per title");
    }
    assertTrue(titles.size() > 20_000 / 90 && titles.size() < 20_000 / 10, "" + titles.size());
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), clusters);
  }

  @Test
  void embeddingsAreUnitVectors() {
    for (int r = 0; r < ds.embeddings().size(); r += 997) {
      float[] v = ds.embeddings().matrix().row(r);
      assertEquals(1.0, Math.sqrt(Seeds.dot(v, v)), 1e-5, "row " + r);
    }
  }

  @Test
  void positiveRatesSpanOneToFortyPercentAndShowInTheRandomSample() {
    double min = result.labels().stream().mapToDouble(LabelSpec::positiveRate).min().orElseThrow();
    double max = result.labels().stream().mapToDouble(LabelSpec::positiveRate).max().orElseThrow();
    assertEquals(0.01, min, 1e-9);
    assertEquals(0.40, max, 1e-9);
    for (LabelSpec spec : result.labels()) {
      List<KeyValue> random = ds.cmp(spec.name()).orElseThrow().random();
      double p = spec.positiveRate();
      double measured = random.stream().filter(KeyValue::value).count() / (double) random.size();
      // Binomial sampling (4 sd) plus the annotators' majority shifting a few borderline shots.
      double tolerance = 4 * Math.sqrt(p * (1 - p) / random.size()) + 0.01;
      assertEquals(p, measured, tolerance, spec.name());
    }
  }

  @Test
  void annotatorsMostlyAgreeButNotAlways() {
    DatasetStats stats = DatasetStats.of(ds);
    for (DatasetStats.LabelStats l : stats.labels()) {
      assertTrue(l.agreement() > 0.6 && l.agreement() < 1.0, l.toString());
    }
    double median = stats.totals().medianAgreement();
    assertTrue(median > 0.75 && median < 0.95, "median agreement " + median);
  }

  @Test
  void zeroShotIsStrongForSemanticLabelsAndUselessForCameraLabels() {
    int strong = 0;
    int useless = 0;
    for (LabelSpec spec : result.labels()) {
      List<KeyValue> random = ds.cmp(spec.name()).orElseThrow().random();
      long positives = random.stream().filter(KeyValue::value).count();
      if (positives < 10) {
        continue; // too few positives among 1,000 random shots for a stable AP
      }
      float[] text = ds.textEmbedding(spec.name()).orElseThrow();
      double[] scores =
          random.stream()
              .mapToDouble(kv -> Seeds.dot(ds.embeddings().vector(kv.key()), text))
              .toArray();
      double ap = AveragePrecision.of(random.stream().map(KeyValue::value).toList(), scores);
      double rate = positives / (double) random.size();
      switch (spec.zeroShot()) {
        case "strong" -> {
          assertTrue(ap > rate + 0.15, spec.name() + " zero-shot AP " + ap);
          strong++;
        }
        case "useless" -> {
          assertTrue(ap < rate + 0.1, spec.name() + " zero-shot AP " + ap + " vs rate " + rate);
          useless++;
        }
        default -> {}
      }
    }
    assertTrue(strong >= 2 && useless >= 1, strong + " strong, " + useless + " useless checked");
  }

  @Test
  void vaSessionsAreEnrichedInPositivesAndSizedLikeTheRelease() {
    DatasetStats stats = DatasetStats.of(ds);
    for (DatasetStats.LabelStats l : stats.labels()) {
      assertTrue(l.aggCount() >= 300 && l.aggCount() <= 1500, l.toString());
      assertTrue(l.positiveRate() > l.cmpRandomRate(), l.toString());
    }
  }

  @Test
  void checkpointsGrowFromTheZeroShotStartIntoTheAggSet() {
    for (String label : ds.labels()) {
      List<AggEntry> agg = ds.agg(label);
      Map<String, Boolean> expert = new HashMap<>();
      agg.forEach(e -> expert.put(e.key(), e.primary()));
      List<Checkpoint> checkpoints = ds.checkpoints(label).orElseThrow();
      assertEquals(25, checkpoints.getFirst().size(), label);
      int previous = 0;
      for (Checkpoint c : checkpoints) {
        assertTrue(c.size() > previous, label + " checkpoints must grow");
        previous = c.size();
        c.pos().forEach(k -> assertEquals(Boolean.TRUE, expert.get(k), label + " " + k));
        c.neg().forEach(k -> assertEquals(Boolean.FALSE, expert.get(k), label + " " + k));
      }
      assertEquals(agg.size(), checkpoints.getLast().size(), label);
      assertTrue(checkpoints.size() >= 10, label + ": " + checkpoints.size() + " checkpoints");
    }
  }
}
