package org.videoannotator.server.builds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.labels.LabelBuilds;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.BuildRow;
import org.videoannotator.server.store.BuildStore;
import org.videoannotator.server.store.BuildSummary;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Decision;
import org.videoannotator.server.store.ModelRow;
import org.videoannotator.server.store.Value;

/**
 * Runs builds on a small executor: builds of different labels run in parallel; a new build of a
 * label supersedes (cancels) the one still running. Keeps the live status of running builds in
 * memory and every status change in the store, and the latest feeds of each label ready to serve.
 * Thread-safe.
 */
public final class BuildService implements LabelBuilds, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BuildService.class);

  /** Fewest positives and negatives a build needs (cross-validation needs two of each). */
  public static final int MIN_PER_CLASS = 2;

  public static final int DEFAULT_FEED_SIZE = 200;

  /** The smallest default feed: one page of the UI. */
  public static final int MIN_DEFAULT_FEED_SIZE = 20;

  /**
   * Rows per feed when the request names none: a fifth of the corpus, between one page and {@link
   * #DEFAULT_FEED_SIZE}, so that all four disjoint feeds fill on a small corpus (200 each left
   * borderline and random empty on the 327-clip demo). The one place this is decided.
   */
  public static int defaultFeedSize(int corpusClips) {
    return Math.max(MIN_DEFAULT_FEED_SIZE, Math.min(DEFAULT_FEED_SIZE, corpusClips / 5));
  }

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildStore<BuildStatus, BuildArtifacts> buildRows;
  private final ModelFiles modelFiles;
  private final ClusterSource clusters;
  private final ExecutorService executor;
  private final Map<Long, BuildStatus> live = new ConcurrentHashMap<>();
  private final Map<String, BuildJob> runningByLabel = new ConcurrentHashMap<>();
  private final Map<String, FeedSnapshot> latestFeeds = new ConcurrentHashMap<>();
  // Keyed by the model file's path: it names label and version, and a saved version never changes.
  private final Map<String, LabelModel> labelModels = new ConcurrentHashMap<>();

  public BuildService(Corpus corpus, AnnotationStore store, int threads) {
    this.corpus = corpus;
    this.store = store;
    this.buildRows = rows(store);
    this.modelFiles = new ModelFiles(corpus.dir());
    this.clusters = new ClusterSource(corpus);
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "va-build");
              t.setDaemon(true);
              return t;
            });
    int failed =
        buildRows.failUnfinished("the server stopped before the build finished; build again");
    if (failed > 0) {
      LOG.info("{} build(s) left unfinished by a previous run marked failed", failed);
    }
  }

  /** The store's builds, typed on this package's status and artifacts records. */
  public static BuildStore<BuildStatus, BuildArtifacts> rows(AnnotationStore store) {
    return store.builds(BuildStatus.class, BuildArtifacts.class);
  }

  public ModelFiles modelFiles() {
    return modelFiles;
  }

  /**
   * Queues a build of {@code label} from its current yes/no annotations.
   *
   * @throws DomainException conflict when there are too few positives or negatives (says what to
   *     label)
   */
  public BuildStatus start(String label, long seed, int feedSize) {
    List<CurrentAnnotation> current = store.current(label);
    List<String> pos = keysWith(current, Value.YES);
    List<String> neg = keysWith(current, Value.NO);
    if (pos.size() < MIN_PER_CLASS || neg.size() < MIN_PER_CLASS) {
      throw DomainException.conflict("annotations", whatToLabel(label, pos.size(), neg.size()));
    }
    String now = Instant.now().toString();
    BuildStatus queued =
        BuildStatus.queued(
            label, now, new BuildStatus.Request(pos.size(), neg.size(), seed, feedSize));
    long id = buildRows.insert(label, queued);
    BuildStatus status = queued.withId(id);
    live.put(id, status);
    BuildJob job = new BuildJob(this, status, pos, neg);
    BuildJob previous = runningByLabel.put(label, job);
    if (previous != null) {
      previous.supersede();
    }
    executor.execute(job);
    return status;
  }

  static String whatToLabel(String label, int pos, int neg) {
    StringBuilder need = new StringBuilder();
    if (pos < MIN_PER_CLASS) {
      need.append(MIN_PER_CLASS - pos)
          .append(" more 'yes' (search for clips that show '")
          .append(label)
          .append("')");
    }
    if (neg < MIN_PER_CLASS) {
      if (need.length() > 0) {
        need.append(" and ");
      }
      need.append(MIN_PER_CLASS - neg)
          .append(" more 'no' (clips that do not show it, e.g. from a search)");
    }
    return "label '"
        + label
        + "' has "
        + pos
        + " positive and "
        + neg
        + " negative annotations; a build needs at least "
        + MIN_PER_CLASS
        + " of each: label "
        + need
        + ", then build again";
  }

  private static List<String> keysWith(List<CurrentAnnotation> current, Value value) {
    return current.stream()
        .filter(a -> a.value() == value)
        .map(CurrentAnnotation::key)
        .sorted()
        .toList();
  }

  /** Cancels a running build of {@code label}, if any (when the label is deleted). */
  @Override
  public void cancel(String label) {
    BuildJob job = runningByLabel.remove(label);
    if (job != null) {
      job.supersede("its label was deleted");
    }
  }

  /** The status of build {@code id}: live while it runs, stored once finished. */
  public Optional<BuildStatus> status(long id) {
    BuildStatus s = live.get(id);
    if (s != null) {
      return Optional.of(s);
    }
    return buildRows.build(id).map(BuildService::parse);
  }

  /** All builds of a label, oldest first. */
  public List<BuildStatus> list(String label) {
    return buildRows.builds(label).stream()
        .map(row -> live.getOrDefault(row.id(), parse(row)))
        .toList();
  }

  /** The latest finished build of a label, or null. */
  @Override
  public BuildSummary latestSummary(String label) {
    return buildRows.latestDone(label).map(r -> parse(r).summary()).orElse(null);
  }

  /** The feeds of the latest finished build of a label. */
  public Optional<FeedSnapshot> latestFeeds(String label) {
    FeedSnapshot cached = latestFeeds.get(label);
    Optional<BuildRow<BuildStatus>> done = buildRows.latestDone(label);
    if (done.isEmpty()) {
      return Optional.empty();
    }
    if (cached != null && cached.buildId() == done.get().id()) {
      return Optional.of(cached);
    }
    BuildStatus status = parse(done.get());
    BuildArtifacts artifacts = buildRows.training(status.id()).orElseThrow();
    FeedSnapshot snapshot =
        new FeedSnapshot(
            status.id(), status.modelVersion(), artifacts.feeds(), thresholdOf(status));
    latestFeeds.put(label, snapshot);
    return Optional.of(snapshot);
  }

  /** The training sets (and feeds) of every finished build of a label, oldest first. */
  public List<BuildArtifacts> finishedTraining(String label) {
    return buildRows.builds(label).stream()
        .filter(row -> row.status().equals(BuildStatus.DONE))
        .map(row -> buildRows.training(row.id()).orElseThrow())
        .toList();
  }

  /** A stored model version of a label. */
  public Optional<ModelRow> model(String label, int version) {
    return store.models().models(label).stream().filter(m -> m.version() == version).findFirst();
  }

  /** The "yes" cut of a build's model (0.5 for builds from before calibration). */
  static double thresholdOf(BuildStatus status) {
    return status.quality() == null
        ? Decision.UNCALIBRATED_THRESHOLD
        : status.quality().threshold();
  }

  /** The latest model version of a label. */
  public Optional<ModelRow> latestModel(String label) {
    List<ModelRow> models = store.models().models(label);
    return models.isEmpty() ? Optional.empty() : Optional.of(models.getLast());
  }

  /**
   * A model version ready to score: loaded and its threshold read once per version, then shared.
   */
  public LabelModel labelModel(ModelRow row) {
    return labelModels.computeIfAbsent(row.path(), p -> LabelModel.load(row, modelFiles));
  }

  /** The latest model version of a label, ready to score. */
  public Optional<LabelModel> latestLabelModel(String label) {
    return latestModel(label).map(this::labelModel);
  }

  // ---- called by BuildJob

  Corpus corpus() {
    return corpus;
  }

  AnnotationStore store() {
    return store;
  }

  ClusterSource clusters() {
    return clusters;
  }

  void publish(BuildStatus status) {
    live.put(status.id(), status);
  }

  /** Stores a finished status (and artifacts when done) and forgets the live copy. */
  void finish(BuildStatus status, BuildArtifacts artifacts, BuildJob job) {
    buildRows.update(
        status.id(), status.status(), Instant.parse(status.finished()), status, artifacts);
    if (artifacts != null) {
      latestFeeds.merge(
          status.label(),
          new FeedSnapshot(
              status.id(), status.modelVersion(), artifacts.feeds(), thresholdOf(status)),
          (old, neu) -> neu.buildId() > old.buildId() ? neu : old);
    }
    live.remove(status.id());
    runningByLabel.remove(status.label(), job);
  }

  private static BuildStatus parse(BuildRow<BuildStatus> row) {
    // The row's own status wins: failUnfinished() edits it in SQL.
    return row.result().asRow(row.id(), row.status());
  }

  @Override
  public void close() {
    for (BuildJob job : runningByLabel.values()) {
      job.supersede("the server stopped before the build finished; build again");
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
