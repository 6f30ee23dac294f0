package org.videoannotator.server.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.videoannotator.datasets.AggEntry;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Value;

/**
 * A label's yes/no annotations as the release's {@code agg/<label>.json} has them: one primary
 * annotator for the whole label (the release's expert who ran the session; here the annotator with
 * the most yes/no votes, then the first by name) and the others as secondaries, each by name, the
 * same names on every shot; per shot the primary's answer ({@code primary}, absent when they gave
 * none), the secondaries' answers by name, {@code agg} the consensus (the settled answer where an
 * adjudicator settled the shot, else the majority) and {@code pos_cnt} the number of yes votes.
 * "Unsure" votes are not answers; shots whose consensus is unsure are left out.
 */
record VaAgg(String primary, List<String> secondaries, List<AggEntry> entries) {
  static VaAgg of(List<CurrentAnnotation> current) {
    Map<String, Integer> answers = new TreeMap<>();
    for (CurrentAnnotation a : current) {
      a.votes()
          .forEach(
              (who, v) -> {
                if (v == Value.YES || v == Value.NO) {
                  answers.merge(who, 1, Integer::sum);
                }
              });
    }
    List<String> names =
        answers.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    String primary = names.isEmpty() ? "" : names.getFirst();
    List<String> secondaries = names.isEmpty() ? List.of() : names.subList(1, names.size());
    List<AggEntry> entries = new ArrayList<>();
    for (CurrentAnnotation a :
        current.stream().sorted(Comparator.comparing(CurrentAnnotation::key)).toList()) {
      if (a.value() != Value.YES && a.value() != Value.NO) {
        continue;
      }
      List<Boolean> others = new ArrayList<>(secondaries.size());
      secondaries.forEach(who -> others.add(answer(a.votes().get(who))));
      int posCnt = (int) a.votes().values().stream().filter(v -> v == Value.YES).count();
      entries.add(
          new AggEntry(
              a.key(), answer(a.votes().get(primary)), others, a.value() == Value.YES, posCnt));
    }
    return new VaAgg(primary, List.copyOf(secondaries), List.copyOf(entries));
  }

  private static Boolean answer(Value v) {
    return v == Value.YES ? Boolean.TRUE : v == Value.NO ? Boolean.FALSE : null;
  }
}
