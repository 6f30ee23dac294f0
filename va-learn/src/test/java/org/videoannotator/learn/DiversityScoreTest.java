package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiversityScoreTest {
  @Test
  void followsTheProtocolFormula() {
    // positives: 12 in cluster 0 (capped at 10), 3 in cluster 1; negatives: 1 in each of 10
    // clusters
    Set<String> pos = new HashSet<>();
    Map<String, Integer> cluster = new java.util.HashMap<>();
    for (int i = 0; i < 12; i++) {
      pos.add("p" + i);
      cluster.put("p" + i, 0);
    }
    for (int i = 0; i < 3; i++) {
      pos.add("q" + i);
      cluster.put("q" + i, 1);
    }
    Set<String> neg = new HashSet<>();
    for (int c = 0; c < 10; c++) {
      neg.add("n" + c);
      cluster.put("n" + c, c);
    }
    neg.add("unknown");
    LabelledSet set = new LabelledSet("x", pos, neg);
    double expected = ((10 / 10.0 + 3 / 10.0) + 10 * (1 / 10.0)) / 20.0;
    assertEquals(expected, DiversityScore.of(set, k -> cluster.getOrDefault(k, -1)), 1e-15);
  }

  @Test
  void fullDiversityIsOne() {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      pos.add("p" + i);
      neg.add("n" + i);
    }
    LabelledSet set = new LabelledSet("x", pos, neg);
    assertEquals(1.0, DiversityScore.of(set, k -> Integer.parseInt(k.substring(1)) % 10), 1e-15);
  }
}
