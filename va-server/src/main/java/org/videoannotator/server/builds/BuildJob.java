package org.videoannotator.server.builds;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.learn.Calibration;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.DiversityScore;
import org.videoannotator.learn.Feeds;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.learn.LogisticRegressionCv;
import org.videoannotator.learn.estimate.CorpusEstimates;
import org.videoannotator.learn.estimate.Logits;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.server.store.Assignment;
import org.videoannotator.server.store.BuildEstimates;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Decision;
import org.videoannotator.server.store.Quality;

/**
 * One build: load the labelled set, train a cross-validated logistic regression, score the whole
 * corpus, fill the feeds, compute the diversity score, save the model version. Publishes its status
 * after every stage; stops between stages once superseded.
 */
final class BuildJob implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(BuildJob.class);
  private static final CorpusScorer SCORER = new CorpusScorer();

  private final BuildService service;
  private final List<String> pos;
  private final List<String> neg;
  private volatile BuildStatus status;
  private volatile boolean superseded;

  /** Why the job was stopped, for its final status. */
  private volatile String stopReason = REPLACED;

  static final String REPLACED = "a newer build of this label replaced it";

  /** Set when the save stage starts; from then on the job is not stopped (guarded by this). */
  private boolean saving;

  /** The thread running this job, while it runs (guarded by this). */
  private Thread runner;

  private final Map<String, Long> millis = new LinkedHashMap<>();

  BuildJob(BuildService service, BuildStatus queued, List<String> pos, List<String> neg) {
    this.service = service;
    this.status = queued;
    this.pos = pos;
    this.neg = neg;
  }

  /**
   * Asks the job to stop: a newer build of the same label replaces it. A queued job still runs,
   * sees the flag at its first stage and ends as superseded (so its status is always final); a
   * running one is interrupted too.
   */
  synchronized void supersede() {
    supersede(REPLACED);
  }

  /**
   * Stops the job as {@link #supersede()} does, recording {@code reason} in its final status. Once
   * the job saves its model it finishes instead: stopped midway, the model file would stay with no
   * version recorded for it.
   */
  synchronized void supersede(String reason) {
    if (saving) {
      return;
    }
    stopReason = reason;
    superseded = true;
    if (runner != null) {
      runner.interrupt();
    }
  }

  /** Thrown between stages when superseded. */
  private static final class Superseded extends RuntimeException {
    Superseded() {
      super(null, null, false, false);
    }
  }

  @Override
  public void run() {
    synchronized (this) {
      runner = Thread.currentThread();
    }
    try {
      runStages();
    } finally {
      synchronized (this) {
        runner = null;
        Thread.interrupted(); // an interrupt meant for this job must not reach the pool's next task
      }
    }
  }

  private void runStages() {
    long t0 = System.nanoTime();
    status = status.running("load", 0.05, Instant.now().toString());
    service.publish(status);
    try {
      Result r = execute();
      long total = (System.nanoTime() - t0) / 1_000_000;
      status =
          status.done(
              Instant.now().toString(),
              r.version(),
              r.quality(),
              r.estimates(),
              r.diversity(),
              millis,
              total);
      service.finish(status, r.artifacts(), this);
      LOG.info("build {} of '{}' done in {} ms: {}", status.id(), status.label(), total, millis);
    } catch (Superseded e) {
      end(BuildStatus.SUPERSEDED, stopReason, t0);
    } catch (RuntimeException | IOException e) {
      if (superseded) {
        end(BuildStatus.SUPERSEDED, stopReason, t0);
      } else {
        LOG.error("build {} of '{}' failed", status.id(), status.label(), e);
        end(BuildStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), t0);
      }
    }
  }

  private void end(String finalStatus, String error, long t0) {
    Thread
        .interrupted(); // the interrupt asked this job to stop; recording that it stopped must not
    // fail
    status =
        status.stopped(
            finalStatus,
            Instant.now().toString(),
            millis,
            (System.nanoTime() - t0) / 1_000_000,
            error);
    service.finish(status, null, this);
  }

  private record Result(
      int version,
      Quality quality,
      BuildEstimates estimates,
      double diversity,
      BuildArtifacts artifacts) {}

  /** Corpus rows of {@code set}'s keys in its training order. */
  private static int[] rowsOf(LabelledSet set, KeyedMatrix vectors) {
    List<String> keys = set.orderedKeys();
    int[] rows = new int[keys.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = vectors.keys().rowOf(keys.get(i));
    }
    return rows;
  }

  private Result execute() throws IOException {
    String label = status.label();
    long t = System.nanoTime();
    KeyedMatrix vectors = service.corpus().vectors();
    LabelledSet set = new LabelledSet(label, new HashSet<>(pos), new HashSet<>(neg));
    t = stage("load", t, "train", 0.15);

    int folds = Math.min(5, Math.min(pos.size(), neg.size()));
    LogisticRegressionCv.Options defaults = LogisticRegressionCv.Options.defaults();
    LogisticRegressionCv trainer =
        new LogisticRegressionCv(
            new LogisticRegressionCv.Options(
                folds,
                defaults.cs(),
                defaults.seed(),
                defaults.maxIter(),
                defaults.gtol(),
                defaults.threads(),
                // Early sessions are often separable: every C ties at AP 1, and the protocol's
                // smallest C
                // would give every clip the same score (meaningless borderline and ranking).
                LogisticRegressionCv.TieBreak.MIDDLE));
    LinearModel fitted = trainer.fit(vectors.matrix(), vectors.keys(), set);
    // AP picks C by ranking alone; calibrate so that probabilities and the "yes" cut mean
    // something.
    int[] rows = rowsOf(set, vectors);
    Calibration.Result calibration =
        Calibration.calibrate(
            vectors.matrix(), rows, set.orderedLabels(), fitted, trainer.options());
    LinearModel model = calibration.model();
    t = stage("train", t, "score", 0.5);

    float[] logits = SCORER.logits(vectors.matrix(), model);
    float[] probabilities = Logits.probabilities(logits);
    List<CurrentAnnotation> current = service.store().current(label);
    // The "yes" cut is chosen for the corpus's estimated prevalence, not the labelled set's
    // balance (which the feeds skew on purpose); exports, review and the borderline feed use it.
    CorpusEstimates.Result estimated =
        BuildEstimator.estimate(
            set,
            rows,
            calibration,
            logits,
            probabilities,
            current,
            () -> AnnotatorErrorPool.priorFor(service, label),
            status.request().seed());
    double[] onLabels =
        calibration.precisionRecallAt(estimated.cut().threshold(), set.orderedLabels());
    Decision decision =
        new Decision(
            estimated.cut().threshold(),
            onLabels[0],
            onLabels[1],
            estimated.cut().yesClips(),
            probabilities.length);
    t = stage("score", t, "feeds", 0.8);

    // A clip leaves the feeds once it has the votes the label's overlap asks for ('unsure' counts:
    // never offer it again); until then teammates still need it (overlap 1: any annotated clip).
    Assignment assignment = service.store().assignments().of(label);
    Map<String, CurrentAnnotation> byKey = new HashMap<>();
    current.forEach(a -> byKey.put(a.key(), a));
    BitSet labelled = new BitSet(probabilities.length);
    for (String key : set.orderedKeys()) {
      int row = vectors.keys().rowOf(key);
      // A training clip whose votes were removed since the build started stays out, as before.
      if (row >= 0 && (!byKey.containsKey(key) || assignment.complete(byKey.get(key)))) {
        labelled.set(row);
      }
    }
    for (var a : current) {
      int row = vectors.keys().rowOf(a.key());
      if (row >= 0 && assignment.complete(a)) {
        labelled.set(row);
      }
    }
    Feeds.FeedSet feedSet =
        Feeds.build(
            new FeedInput(
                probabilities, vectors.matrix(), decision.threshold(), status.request().seed()),
            labelled::get,
            status.request().feedSize());
    Map<String, List<FeedItem>> feeds = new LinkedHashMap<>();
    feedSet
        .feeds()
        .forEach((id, feed) -> feeds.put(id, items(feed.rows(), probabilities, vectors)));
    double diversity = DiversityScore.of(set, service.clusters()::clusterOf);
    t = stage("feeds", t, "save", 0.9);

    startSaving();
    int version = service.store().models().nextModelVersion(label);
    String path = service.modelFiles().save(label, version, model);
    Quality quality =
        new Quality(
            model.cvMean(),
            model.cvStd(),
            model.c(),
            decision,
            BuildWarnings.of(pos.size(), neg.size(), probabilities, decision));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("quality", quality);
    BuildEstimates estimates = BuildEstimator.wire(estimated);
    summary.put("estimates", estimates);
    summary.put("positives", pos.size());
    summary.put("negatives", neg.size());
    int stored =
        service
            .store()
            .models()
            .insertModel(label, status.id(), path, probabilities.length, summary);
    if (stored != version) {
      LOG.warn("model version race for '{}': file v{} recorded as v{}", label, version, stored);
    }
    stage("save", t, "done", 1.0);
    return new Result(stored, quality, estimates, diversity, new BuildArtifacts(pos, neg, feeds));
  }

  private static List<FeedItem> items(int[] rows, float[] probabilities, KeyedMatrix vectors) {
    List<FeedItem> out = new ArrayList<>(rows.length);
    for (int row : rows) {
      out.add(new FeedItem(vectors.keys().key(row), probabilities[row]));
    }
    return out;
  }

  /**
   * Enters the save stage, unless stopped before: file and version row are then written together.
   */
  private synchronized void startSaving() {
    if (superseded) {
      throw new Superseded();
    }
    saving = true;
  }

  /** Records the time of {@code done}, publishes the next stage, and stops if superseded. */
  private long stage(String done, long since, String next, double progress) {
    long now = System.nanoTime();
    millis.put(done, (now - since) / 1_000_000);
    if (superseded || Thread.currentThread().isInterrupted()) {
      throw new Superseded();
    }
    status = status.withStage(BuildStatus.RUNNING, next, progress, millis);
    service.publish(status);
    return now;
  }
}
