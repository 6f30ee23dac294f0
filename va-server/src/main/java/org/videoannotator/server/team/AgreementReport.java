package org.videoannotator.server.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Value;

/**
 * How well a label's annotators agree, from its current annotations. Only yes/no votes are ratings;
 * an "unsure" counts as no vote (a missing rating), as a clip one annotator did not see. No HTTP,
 * no store: {@link AgreementService} gathers the inputs.
 *
 * @param clips clips with at least one yes/no vote
 * @param disputed clips with both a yes and a no vote (the adjudication queue, settled or not)
 * @param settled clips whose consensus is an adjudicator's settlement
 * @param unanimity the VA paper's figure: share of clips with two or more votes on which all agree
 * @param pairwise share of agreeing pairs of votes on the same clip
 * @param fleissKappa over the clips with the most common number of votes ({@code fleissRaters})
 * @param krippendorffAlpha nominal, over all clips with two or more votes (missing votes allowed)
 * @param pairs every pair of annotators who voted on the same clips
 * @param members per annotator, by name
 * @param model the model version the members are compared with; null before the first build
 */
public record AgreementReport(
    String label,
    int clips,
    int disputed,
    int settled,
    Figure unanimity,
    Figure pairwise,
    Figure fleissKappa,
    int fleissRaters,
    Figure krippendorffAlpha,
    List<Pair> pairs,
    List<Member> members,
    ModelRef model) {

  /** Two annotators over the clips both voted on yes/no. */
  public record Pair(String a, String b, Figure percent, Figure cohenKappa) {}

  /**
   * One annotator: their current votes, and how often their yes/no agrees with the consensus (the
   * settled value where there is one, else the majority, their own vote included) and with the
   * model's decision.
   */
  public record Member(
      String annotator, int votes, int yes, int no, int unsure, Figure consensus, Figure model) {}

  /** The model version compared with, and its threshold. */
  public record ModelRef(int version, double threshold) {}

  /**
   * @param model the latest model's decisions, or null when the label has no model yet
   */
  public static AgreementReport of(
      String label, List<CurrentAnnotation> current, ModelDecisions model) {
    Map<String, Map<String, Boolean>> ratings = new LinkedHashMap<>();
    Map<String, Map<String, Boolean>> byAnnotator = new TreeMap<>();
    TreeSet<String> everyone = new TreeSet<>();
    int disputed = 0;
    int settled = 0;
    for (CurrentAnnotation a : current) {
      everyone.addAll(a.votes().keySet());
      disputed += a.disputed() ? 1 : 0;
      settled += a.settled() ? 1 : 0;
      Map<String, Boolean> clip = new LinkedHashMap<>();
      a.votes()
          .forEach(
              (who, v) -> {
                if (v == Value.YES || v == Value.NO) {
                  clip.put(who, v == Value.YES);
                  byAnnotator
                      .computeIfAbsent(who, k -> new LinkedHashMap<>())
                      .put(a.key(), v == Value.YES);
                }
              });
      if (!clip.isEmpty()) {
        ratings.put(a.key(), clip);
      }
    }
    List<String> names = List.copyOf(byAnnotator.keySet());
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Map<String, Boolean> a = byAnnotator.get(names.get(i));
        Map<String, Boolean> b = byAnnotator.get(names.get(j));
        Figure percent = AgreementStatistics.percentAgreement(a, b);
        if (percent.clips() > 0) {
          pairs.add(
              new Pair(names.get(i), names.get(j), percent, AgreementStatistics.cohenKappa(a, b)));
        }
      }
    }
    Map<String, Boolean> consensus = new LinkedHashMap<>();
    for (CurrentAnnotation a : current) {
      if (a.value() == Value.YES || a.value() == Value.NO) {
        consensus.put(a.key(), a.value() == Value.YES);
      }
    }
    List<Member> members = new ArrayList<>();
    for (String who : everyone) {
      Map<String, Boolean> mine = byAnnotator.getOrDefault(who, Map.of());
      int unsure = (int) current.stream().filter(a -> a.votes().get(who) == Value.UNSURE).count();
      int yes = (int) mine.values().stream().filter(Boolean::booleanValue).count();
      members.add(
          new Member(
              who,
              mine.size() + unsure,
              yes,
              mine.size() - yes,
              unsure,
              AgreementStatistics.percentAgreement(mine, consensus),
              model == null ? null : withModel(mine, model)));
    }
    return new AgreementReport(
        label,
        ratings.size(),
        disputed,
        settled,
        AgreementStatistics.unanimity(ratings),
        AgreementStatistics.pairwiseAgreement(ratings),
        AgreementStatistics.fleissKappa(ratings),
        AgreementStatistics.fleissRaters(ratings),
        AgreementStatistics.krippendorffAlpha(ratings),
        pairs,
        members,
        model == null ? null : new ModelRef(model.version(), model.threshold()));
  }

  private static Figure withModel(Map<String, Boolean> votes, ModelDecisions model) {
    Map<String, Boolean> decisions = new LinkedHashMap<>();
    votes.keySet().forEach(key -> model.yes(key).ifPresent(yes -> decisions.put(key, yes)));
    return AgreementStatistics.percentAgreement(votes, decisions);
  }
}
