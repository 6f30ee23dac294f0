package org.videoannotator.server.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inter-annotator agreement on nominal answers, from their definitions (no I/O, no HTTP). Ratings
 * are {@code unit -> rater -> category}; a rater absent from a unit did not rate it (a missing
 * vote). Every figure says how many units it rests on.
 */
public final class AgreementStatistics {
  private AgreementStatistics() {}

  /**
   * The VA paper's figure: the share of units rated by at least two raters on which all gave the
   * same answer (the release's {@code pos_cnt} is 0 or the number of annotators).
   */
  public static <T> Figure unanimity(Map<String, ? extends Map<String, T>> ratings) {
    int units = 0;
    int unanimous = 0;
    for (Map<String, T> unit : ratings.values()) {
      if (unit.size() >= 2) {
        units++;
        if (new HashSet<>(unit.values()).size() == 1) {
          unanimous++;
        }
      }
    }
    return Figure.of((double) unanimous / units, units);
  }

  /** The share of agreeing pairs among all pairs of answers given on one unit, over all units. */
  public static <T> Figure pairwiseAgreement(Map<String, ? extends Map<String, T>> ratings) {
    long pairs = 0;
    long agreeing = 0;
    int units = 0;
    for (Map<String, T> unit : ratings.values()) {
      List<T> answers = List.copyOf(unit.values());
      if (answers.size() < 2) {
        continue;
      }
      units++;
      for (int i = 0; i < answers.size(); i++) {
        for (int j = i + 1; j < answers.size(); j++) {
          pairs++;
          agreeing += answers.get(i).equals(answers.get(j)) ? 1 : 0;
        }
      }
    }
    return new Figure(pairs == 0 ? null : (double) agreeing / pairs, units);
  }

  /** Percent agreement of two raters over the units both rated ({@code unit -> category} each). */
  public static <T> Figure percentAgreement(Map<String, T> a, Map<String, T> b) {
    List<Map.Entry<T, T>> shared = shared(a, b);
    long same = shared.stream().filter(p -> p.getKey().equals(p.getValue())).count();
    return Figure.of((double) same / shared.size(), shared.size());
  }

  /**
   * Cohen's kappa of two raters over the units both rated: (p_o - p_e) / (1 - p_e), with p_e from
   * each rater's own category shares on those units. Undefined (null) when p_e is 1.
   */
  public static <T> Figure cohenKappa(Map<String, T> a, Map<String, T> b) {
    List<Map.Entry<T, T>> shared = shared(a, b);
    if (shared.isEmpty()) {
      return new Figure(null, 0);
    }
    Map<T, Integer> countsA = new HashMap<>();
    Map<T, Integer> countsB = new HashMap<>();
    int same = 0;
    for (Map.Entry<T, T> p : shared) {
      same += p.getKey().equals(p.getValue()) ? 1 : 0;
      countsA.merge(p.getKey(), 1, Integer::sum);
      countsB.merge(p.getValue(), 1, Integer::sum);
    }
    int n = shared.size();
    double observed = (double) same / n;
    double expected = 0;
    for (Map.Entry<T, Integer> e : countsA.entrySet()) {
      expected += (double) e.getValue() / n * countsB.getOrDefault(e.getKey(), 0) / n;
    }
    return Figure.of((observed - expected) / (1 - expected), n);
  }

  /** The two raters' answers on each unit both rated, as (a's, b's). */
  private static <T> List<Map.Entry<T, T>> shared(Map<String, T> a, Map<String, T> b) {
    List<Map.Entry<T, T>> out = new ArrayList<>();
    a.forEach(
        (unit, answer) -> {
          T other = b.get(unit);
          if (other != null) {
            out.add(Map.entry(answer, other));
          }
        });
    return out;
  }

  /**
   * Fleiss' kappa over the units rated by the most common number of raters (at least two; the
   * larger number on a tie), since the statistic needs the same number of ratings per unit.
   */
  public static <T> Figure fleissKappa(Map<String, ? extends Map<String, T>> ratings) {
    int raters = fleissRaters(ratings);
    List<T> categories = categories(ratings);
    List<int[]> table = new ArrayList<>();
    for (Map<String, T> unit : ratings.values()) {
      if (unit.size() == raters) {
        int[] row = new int[categories.size()];
        unit.values().forEach(v -> row[categories.indexOf(v)]++);
        table.add(row);
      }
    }
    return fleissKappa(table);
  }

  /**
   * The number of ratings per unit {@link #fleissKappa(Map)} uses: the most common, at least 2 (0
   * if none).
   */
  public static <T> int fleissRaters(Map<String, ? extends Map<String, T>> ratings) {
    Map<Integer, Integer> unitsByRaters = new HashMap<>();
    ratings.values().stream()
        .filter(u -> u.size() >= 2)
        .forEach(u -> unitsByRaters.merge(u.size(), 1, Integer::sum));
    return unitsByRaters.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(0);
  }

  /**
   * Fleiss' kappa of a table of units by categories, each cell the number of raters who put the
   * unit in the category; every unit needs the same number of ratings (at least two).
   */
  public static Figure fleissKappa(List<int[]> table) {
    if (table.isEmpty()) {
      return new Figure(null, 0);
    }
    int raters = sum(table.getFirst());
    if (raters < 2) {
      throw new IllegalArgumentException(
          "Fleiss' kappa needs at least 2 ratings per unit, got " + raters);
    }
    int categories = table.getFirst().length;
    double[] share = new double[categories];
    double meanAgreement = 0;
    for (int[] row : table) {
      if (sum(row) != raters || row.length != categories) {
        throw new IllegalArgumentException(
            "Fleiss' kappa needs the same number of ratings ("
                + raters
                + ") and categories ("
                + categories
                + ") in every unit");
      }
      double agreeingPairs = 0;
      for (int j = 0; j < categories; j++) {
        share[j] += row[j];
        agreeingPairs += (double) row[j] * (row[j] - 1);
      }
      meanAgreement += agreeingPairs / ((double) raters * (raters - 1));
    }
    meanAgreement /= table.size();
    double expected = 0;
    for (int j = 0; j < categories; j++) {
      double p = share[j] / ((double) table.size() * raters);
      expected += p * p;
    }
    return Figure.of((meanAgreement - expected) / (1 - expected), table.size());
  }

  /**
   * Krippendorff's alpha for nominal data, over the units with at least two ratings (the others
   * cannot be paired): 1 - (n - 1) * sum of the coincidence matrix off its diagonal / sum over
   * pairs of different categories of n_c * n_k. Handles missing ratings by definition.
   */
  public static <T> Figure krippendorffAlpha(Map<String, ? extends Map<String, T>> ratings) {
    Map<T, Double> totals = new HashMap<>();
    double disagreeing = 0;
    int units = 0;
    for (Map<String, T> unit : ratings.values()) {
      int m = unit.size();
      if (m < 2) {
        continue;
      }
      units++;
      Map<T, Integer> counts = new HashMap<>();
      unit.values().forEach(v -> counts.merge(v, 1, Integer::sum));
      // Ordered pairs of ratings with different values, each weighted 1 / (m - 1).
      for (int c : counts.values()) {
        disagreeing += (double) c * (m - c) / (m - 1);
      }
      counts.forEach((v, c) -> totals.merge(v, (double) c, Double::sum));
    }
    double n = totals.values().stream().mapToDouble(Double::doubleValue).sum();
    double expectedDisagreeing = n * n - totals.values().stream().mapToDouble(c -> c * c).sum();
    if (units == 0 || expectedDisagreeing == 0) {
      return new Figure(null, units);
    }
    return Figure.of(1 - (n - 1) * disagreeing / expectedDisagreeing, units);
  }

  private static <T> List<T> categories(Map<String, ? extends Map<String, T>> ratings) {
    Set<T> seen = new LinkedHashSet<>();
    ratings.values().forEach(u -> seen.addAll(u.values()));
    return List.copyOf(seen);
  }

  private static int sum(int[] row) {
    int s = 0;
    for (int v : row) {
      s += v;
    }
    return s;
  }
}
