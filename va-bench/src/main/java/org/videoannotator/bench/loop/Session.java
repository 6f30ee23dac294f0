package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.csv.CsvWriter;
import org.videoannotator.core.io.AtomicFiles;

/**
 * One simulated editor labelling one label with one policy and one seed, on its own label of the
 * server: batches of {@code batch} clips chosen by the policy and answered by the {@link Expert},
 * rebuilt after every batch when the policy says so, and measured against the truth at every budget
 * step.
 */
final class Session {
  /**
   * What the session needs to know of the run.
   *
   * @param deleteLabel whether the session deletes its label on the server when it ends (else the
   *     run keeps it, or deletes it when the run ends)
   * @param answersFile where the session writes its answers in the order given (null: nowhere)
   */
  record Plan(
      List<Integer> budgets,
      int batch,
      String searchMode,
      String searchValue,
      boolean deleteLabel,
      Path answersFile) {}

  private final LoopApi api;
  private final String serverLabel;
  private final int label;
  private final Expert expert;
  private final Policy policy;
  private final Plan plan;
  private final Picker picker;
  private final Set<String> labelled = new HashSet<>();
  private final List<List<String>> answers = new ArrayList<>();
  private final UniformSource uniform;
  private int yes;
  private boolean hasModel;
  private long buildMillisTotal;
  private long lastBuildMillis;
  private int builds;

  Session(LoopApi api, String serverLabel, int label, Expert expert, Policy policy, Plan plan) {
    this.api = api;
    this.serverLabel = serverLabel;
    this.label = label;
    this.expert = expert;
    this.policy = policy;
    this.plan = plan;
    this.picker = new Picker(expert);
    this.uniform = new UniformSource(expert, label, labelled);
  }

  Picker picker() {
    return picker;
  }

  boolean hasModel() {
    return hasModel;
  }

  /** Clips labelled so far. */
  int labelled() {
    return labelled.size();
  }

  /** "Yes" answers so far. */
  int yesAnswers() {
    return yes;
  }

  /** The zero-shot search ranking of the label, unlabelled clips only. */
  ClipSource search() {
    return (k, offset) -> api.search(serverLabel, plan.searchMode(), plan.searchValue(), k, offset);
  }

  /** A feed of the label's latest build. */
  ClipSource feed(String feed) {
    return (k, offset) -> api.feed(serverLabel, feed, k, offset);
  }

  ClipSource uniform() {
    return uniform;
  }

  /**
   * {@code got}, topped up to {@code n} from the zero-shot search should the feeds have run dry
   * (what an editor does when a feed is empty), none of {@code taken} or {@code got} repeated.
   */
  List<LoopApi.Offer> toppedUp(List<LoopApi.Offer> got, int n, Set<String> taken) {
    if (got.size() >= n) {
      return got;
    }
    List<LoopApi.Offer> out = new ArrayList<>(got);
    Set<String> all = new HashSet<>(taken);
    got.forEach(o -> all.add(o.key()));
    out.addAll(picker.take(search(), n - got.size(), all));
    return out;
  }

  /** Runs the session to the last budget; one step per budget. {@code onBatch} sees every batch. */
  List<Step> run(Runnable onBatch) throws InterruptedException {
    api.createLabel(serverLabel);
    List<Step> steps = new ArrayList<>();
    JsonNode lastBuild = null;
    int labelsAtLastBuild = -1;
    for (int budget : plan.budgets()) {
      while (labelled.size() < budget) {
        List<LoopApi.Offer> offers =
            policy.next(
                this, Math.min(policy.batch(plan.batch()), budget - labelled.size()), Set.of());
        if (offers.isEmpty()) {
          break;
        }
        label(offers);
        onBatch.run();
        if (policy.rebuildsEveryBatch() && canBuild()) {
          lastBuild = build();
          labelsAtLastBuild = labelled.size();
        }
      }
      if (canBuild() && labelled.size() != labelsAtLastBuild) {
        lastBuild = build();
        labelsAtLastBuild = labelled.size();
      }
      steps.add(measure(lastBuild));
    }
    if (plan.deleteLabel()) {
      api.deleteLabel(serverLabel);
    }
    if (plan.answersFile() != null) {
      writeAnswers(plan.answersFile());
    }
    return steps;
  }

  /** Builds the label's model and waits for it, as the UI's build button does. */
  private JsonNode build() throws InterruptedException {
    long started = System.nanoTime();
    JsonNode done = api.build(serverLabel, expert.seed());
    lastBuildMillis = (System.nanoTime() - started) / 1_000_000;
    buildMillisTotal += lastBuildMillis;
    builds++;
    hasModel = true;
    return done;
  }

  private boolean canBuild() {
    int no = labelled.size() - yes;
    return yes >= 2 && no >= 2;
  }

  private void label(List<LoopApi.Offer> offers) {
    Map<String, Boolean> batch = new HashMap<>();
    for (LoopApi.Offer o : offers) {
      boolean answer = expert.answer(label, o.key());
      batch.put(o.key(), answer);
      yes += answer ? 1 : 0;
      labelled.add(o.key());
      answers.add(List.of(o.key(), answer ? "yes" : "no", sourceName(o.source())));
    }
    api.annotate(serverLabel, offers, batch, "expert");
  }

  /** Where a clip was offered, in one word: the feed's id, {@code search} or {@code other}. */
  private static String sourceName(Map<String, Object> source) {
    Object feed = source.get("feed");
    return feed != null ? feed.toString() : String.valueOf(source.get("kind"));
  }

  /**
   * The answers as a CSV ({@code key,answer,source}, in the order given): a step of {@code n}
   * labels trained on the first {@code n} rows, so the figures can be recomputed without the
   * server.
   */
  private void writeAnswers(Path file) {
    StringBuilder csv = new StringBuilder(CsvWriter.line(List.of("key", "answer", "source")));
    answers.forEach(row -> csv.append(CsvWriter.line(row)));
    AtomicFiles.writeText(file, csv);
  }

  private Step measure(JsonNode build) {
    if (build == null) {
      return Step.withoutModel(labelled.size(), yes, buildMillisTotal, builds, picker.skips());
    }
    Map<String, Float> scores =
        api.score(serverLabel, build.get("modelVersion").asInt(), expert.truth().keys());
    return StepMeasure.of(
        build,
        scores,
        expert,
        label,
        new StepMeasure.Cost(
            labelled.size(), yes, lastBuildMillis, buildMillisTotal, builds, picker.skips()));
  }
}
