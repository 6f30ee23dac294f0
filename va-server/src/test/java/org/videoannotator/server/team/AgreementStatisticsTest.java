package org.videoannotator.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;

/**
 * The statistics against values computed by hand from their definitions, against published worked
 * examples, and against scikit-learn, statsmodels and NLTK on seeded rating sets ({@code
 * agreement/make_fixtures.py} wrote {@code agreement/fixtures.json} once).
 */
class AgreementStatisticsTest {
  private static final double EPS = 1e-9;

  /**
   * Five clips, three raters, one vote missing on c4 and two on c5 (worked out in the comments).
   */
  private static Map<String, Map<String, String>> handExample() {
    Map<String, Map<String, String>> r = new LinkedHashMap<>();
    r.put("c1", Map.of("A", "yes", "B", "yes", "C", "yes"));
    r.put("c2", Map.of("A", "yes", "B", "no", "C", "yes"));
    r.put("c3", Map.of("A", "no", "B", "no", "C", "no"));
    r.put("c4", Map.of("A", "no", "B", "no"));
    r.put("c5", Map.of("A", "yes"));
    return r;
  }

  private static Map<String, String> rater(Map<String, Map<String, String>> ratings, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    ratings.forEach(
        (unit, votes) -> {
          if (votes.containsKey(name)) {
            out.put(unit, votes.get(name));
          }
        });
    return out;
  }

  @Test
  void handComputedValues() {
    Map<String, Map<String, String>> r = handExample();
    // c1..c4 have two or more votes; c1, c3, c4 are unanimous.
    assertFigure(0.75, 4, AgreementStatistics.unanimity(r));
    // Pairs: c1 3 of 3 agree, c2 1 of 3, c3 3 of 3, c4 1 of 1: 8 of 10.
    assertFigure(0.8, 4, AgreementStatistics.pairwiseAgreement(r));
    // A and B share c1..c4: A = y y n n, B = y n n n; p_o = 3/4, p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2.
    assertFigure(0.75, 4, AgreementStatistics.percentAgreement(rater(r, "A"), rater(r, "B")));
    assertFigure(0.5, 4, AgreementStatistics.cohenKappa(rater(r, "A"), rater(r, "B")));
    // Three votes is the most common count: c1..c3, table [3,0] [2,1] [0,3]; mean P_i = 7/9,
    // p_yes = 5/9, p_e = 41/81, kappa = (63 - 41) / (81 - 41) = 0.55.
    assertFigure(0.55, 3, AgreementStatistics.fleissKappa(r));
    // Pairable values n = 11 (5 yes, 6 no); only c2 disagrees: 2*1/2 + 1*2/2 = 2 off-diagonal
    // coincidences; alpha = 1 - 10 * 2 / (121 - 25 - 36) = 2/3.
    assertFigure(2.0 / 3, 4, AgreementStatistics.krippendorffAlpha(r));
  }

  @Test
  void undefinedWhenThereIsNothingToCompare() {
    Map<String, String> allYes = Map.of("c1", "yes", "c2", "yes");
    assertNull(
        AgreementStatistics.cohenKappa(allYes, allYes).value(),
        "kappa's 0/0, as scikit-learn's NaN");
    assertEquals(2, AgreementStatistics.cohenKappa(allYes, allYes).clips());
    assertFigure(1.0, 2, AgreementStatistics.percentAgreement(allYes, allYes));
    assertEquals(
        new Figure(null, 0),
        AgreementStatistics.cohenKappa(Map.of("c1", "yes"), Map.of("c2", "no")));
    Map<String, Map<String, String>> single = Map.of("c1", Map.of("A", "yes"));
    assertEquals(new Figure(null, 0), AgreementStatistics.unanimity(single));
    assertEquals(new Figure(null, 0), AgreementStatistics.krippendorffAlpha(single));
    assertEquals(new Figure(null, 0), AgreementStatistics.fleissKappa(single));
  }

  /**
   * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the nominal example: four
   * observers, twelve units, values 1..5 with missing data, alpha = 0.743 (NLTK: 0.743421...).
   */
  @Test
  void krippendorffsPublishedExample() {
    String[] rows = {
      "1 2 3 3 2 1 4 1 2 . . .",
      "1 2 3 3 2 2 4 1 2 5 . 3",
      ". 3 3 3 2 3 4 2 2 5 1 .",
      "1 2 3 3 2 4 4 1 2 5 1 ."
    };
    Map<String, Map<String, String>> r = new LinkedHashMap<>();
    for (int o = 0; o < rows.length; o++) {
      String[] v = rows[o].split(" ");
      for (int u = 0; u < v.length; u++) {
        r.computeIfAbsent("u" + u, k -> new LinkedHashMap<>());
        if (!v[u].equals(".")) {
          r.get("u" + u).put("obs" + o, v[u]);
        }
      }
    }
    Figure alpha = AgreementStatistics.krippendorffAlpha(r);
    assertEquals(0.743, alpha.value(), 0.0005);
    assertEquals(0.743421052631579, alpha.value(), EPS);
    assertEquals(11, alpha.clips(), "unit 12 has one value and cannot be paired");
  }

  /**
   * Fleiss (1971) as Wikipedia's "Fleiss' kappa" works it: 10 subjects, 14 raters, 5 categories,
   * 0.210.
   */
  @Test
  void fleissPublishedExample() {
    List<int[]> table =
        List.of(
            new int[] {0, 0, 0, 0, 14},
            new int[] {0, 2, 6, 4, 2},
            new int[] {0, 0, 3, 5, 6},
            new int[] {0, 3, 9, 2, 0},
            new int[] {2, 2, 8, 1, 1},
            new int[] {7, 7, 0, 0, 0},
            new int[] {3, 2, 6, 3, 0},
            new int[] {2, 5, 3, 2, 2},
            new int[] {6, 5, 2, 1, 0},
            new int[] {0, 2, 2, 3, 7});
    Figure kappa = AgreementStatistics.fleissKappa(table);
    assertEquals(0.210, kappa.value(), 0.0005);
    assertEquals(
        0.20993070442195522, kappa.value(), EPS, "statsmodels' fleiss_kappa on the same table");
    assertEquals(10, kappa.clips());
  }

  @Test
  void matchesScikitLearnStatsmodelsAndNltk() throws Exception {
    JsonNode fixtures;
    try (InputStream in = getClass().getResourceAsStream("/agreement/fixtures.json")) {
      fixtures = Json.mapper().readTree(in);
    }
    assertEquals(3, fixtures.size());
    for (JsonNode set : fixtures) {
      String name = set.get("name").asText();
      Map<String, Map<String, String>> ratings = new LinkedHashMap<>();
      set.get("ratings")
          .properties()
          .forEach(
              unit -> {
                Map<String, String> votes = new LinkedHashMap<>();
                unit.getValue()
                    .properties()
                    .forEach(v -> votes.put(v.getKey(), v.getValue().asText()));
                ratings.put(unit.getKey(), votes);
              });
      JsonNode want = set.get("expected");
      assertFigure(
          want.get("unanimity"), AgreementStatistics.unanimity(ratings), name + " unanimity");
      assertFigure(
          want.get("fleissKappa"), AgreementStatistics.fleissKappa(ratings), name + " Fleiss");
      assertFigure(
          want.get("krippendorffAlpha"),
          AgreementStatistics.krippendorffAlpha(ratings),
          name + " alpha");
      for (JsonNode pair : want.get("pairs")) {
        Map<String, String> a = rater(ratings, pair.get("a").asText());
        Map<String, String> b = rater(ratings, pair.get("b").asText());
        String what = name + " " + pair.get("a").asText() + "/" + pair.get("b").asText();
        Figure kappa = AgreementStatistics.cohenKappa(a, b);
        assertEquals(pair.get("cohenKappa").asDouble(), kappa.value(), EPS, what + " Cohen");
        assertEquals(pair.get("clips").asInt(), kappa.clips(), what);
        assertEquals(
            pair.get("percent").asDouble(),
            AgreementStatistics.percentAgreement(a, b).value(),
            EPS,
            what);
      }
    }
  }

  private static void assertFigure(double value, int clips, Figure f) {
    assertEquals(value, f.value(), EPS);
    assertEquals(clips, f.clips());
  }

  private static void assertFigure(JsonNode want, Figure f, String what) {
    assertEquals(want.get("value").asDouble(), f.value(), EPS, what);
    assertEquals(want.get("clips").asInt(), f.clips(), what + " clips");
  }
}
