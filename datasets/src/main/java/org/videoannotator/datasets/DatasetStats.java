package org.videoannotator.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures {@code va dataset info} reports: size of the data set and, per label, the VA set's
 * count, positives, positive rate and agreement (share of shots whose voters all said the same:
 * {@code pos_cnt} is 0 or the number of voters, 3 in the release), the positive rates of the cmp
 * lists, and the number of checkpoints. A rate with nothing to count is NaN.
 */
public record DatasetStats(int shots, int dim, int titles, List<LabelStats> labels, Totals totals) {
  /** Number of annotators behind {@code pos_cnt} in the release, when a shot does not name them. */
  public static final int ANNOTATORS = 3;

  public record LabelStats(
      String label,
      int aggCount,
      int positives,
      double positiveRate,
      double agreement,
      int cmpRandomCount,
      double cmpRandomRate,
      int cmpZeroShotCount,
      double cmpZeroShotRate,
      int checkpoints,
      int lastCheckpointSize) {}

  /**
   * @param annotations every annotation in agg, cmp and ave files together
   * @param uniqueAnnotatedShots distinct shots that carry at least one annotation
   */
  public record Totals(
      int labels,
      int aggAnnotations,
      int annotations,
      int uniqueAnnotatedShots,
      double medianAgreement,
      double medianPositiveRate,
      double medianCmpRandomRate,
      double medianCmpZeroShotRate) {}

  /** Reads every label file of {@code dataset} (which checks them all) and counts. */
  public static DatasetStats of(VaDataset dataset) {
    List<LabelStats> labels = new ArrayList<>();
    Set<String> annotated = new HashSet<>();
    int aggTotal = 0;
    int all = 0;
    for (String label : dataset.labels()) {
      List<AggEntry> agg = dataset.hasAgg(label) ? dataset.agg(label) : List.of();
      int positives = (int) agg.stream().filter(AggEntry::agg).count();
      int agree = (int) agg.stream().filter(DatasetStats::unanimous).count();
      agg.forEach(e -> annotated.add(e.key()));
      aggTotal += agg.size();
      all += agg.size();
      CmpSet cmp = dataset.cmp(label).orElse(new CmpSet(List.of(), List.of()));
      for (List<KeyValue> list : List.of(cmp.random(), cmp.zeroShot())) {
        list.forEach(kv -> annotated.add(kv.key()));
        all += list.size();
      }
      ValidationSet ave = dataset.aveValidation(label).orElse(null);
      if (ave != null) {
        annotated.addAll(ave.pos());
        annotated.addAll(ave.neg());
        all += ave.size();
      }
      List<Checkpoint> checkpoints = dataset.checkpoints(label).orElse(List.of());
      labels.add(
          new LabelStats(
              label,
              agg.size(),
              positives,
              ratio(positives, agg.size()),
              ratio(agree, agg.size()),
              cmp.random().size(),
              positiveRate(cmp.random()),
              cmp.zeroShot().size(),
              positiveRate(cmp.zeroShot()),
              checkpoints.size(),
              checkpoints.isEmpty() ? 0 : checkpoints.getLast().size()));
    }
    Totals totals =
        new Totals(
            labels.size(),
            aggTotal,
            all,
            annotated.size(),
            median(labels.stream().mapToDouble(LabelStats::agreement).toArray()),
            median(labels.stream().mapToDouble(LabelStats::positiveRate).toArray()),
            median(labels.stream().mapToDouble(LabelStats::cmpRandomRate).toArray()),
            median(labels.stream().mapToDouble(LabelStats::cmpZeroShotRate).toArray()));
    long titles =
        dataset.shots().stream()
            .map(Shot::ytId)
            .filter(t -> t != null && !t.isEmpty())
            .distinct()
            .count();
    return new DatasetStats(
        dataset.shots().size(),
        dataset.embeddings().dim(),
        (int) titles,
        List.copyOf(labels),
        totals);
  }

  private static double positiveRate(List<KeyValue> list) {
    return ratio((int) list.stream().filter(KeyValue::value).count(), list.size());
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  /** Median of the non-NaN values (mean of the middle two for an even count), NaN if none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /**
   * Whether every voter on {@code e} gave the same answer. The voters are the answers the shot
   * lists (an export of a team with another overlap lists 1, 2 or 5); a shot that lists none had
   * the release's {@value #ANNOTATORS}.
   */
  static boolean unanimous(AggEntry e) {
    int voters = e.primary() == null ? 0 : 1;
    for (Boolean b : e.secondaries()) {
      voters += b == null ? 0 : 1;
    }
    return e.posCnt() == 0 || e.posCnt() == (voters == 0 ? ANNOTATORS : voters);
  }
}
