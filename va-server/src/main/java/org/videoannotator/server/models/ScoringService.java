package org.videoannotator.server.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.LabelModel;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Documents;
import org.videoannotator.server.store.ModelRow;

/**
 * A label's saved model versions put to work: list them, score clips (for example clips ingested
 * after the build), and preview what a version ranks first. No HTTP here: {@link ModelController}
 * parses and answers.
 */
public final class ScoringService {
  public static final int PREVIEW_SAMPLE = 2_000;
  public static final int MAX_SCORE_KEYS = 100_000;

  /** A model version as the API shows it. */
  public record ModelView(
      int version, long buildId, String created, long corpusRows, JsonNode summary, String path) {}

  /** A clip and a model's probability for it (clip omitted where not needed). */
  public record Scored(String key, float score, ClipView clip) {}

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ScoringService(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public List<ModelView> versions(String label) {
    return store.models().models(label).stream().map(ScoringService::view).toList();
  }

  private static ModelView view(ModelRow m) {
    return new ModelView(
        m.version(),
        m.buildId(),
        m.created().toString(),
        m.corpusRows(),
        Documents.tree(m.summary()),
        m.path());
  }

  public Optional<ModelRow> version(String label, int version) {
    return builds.model(label, version);
  }

  public Optional<ModelRow> latest(String label) {
    return builds.latestModel(label);
  }

  /**
   * @throws DomainException not found when the label has no such version
   */
  public ModelRow requireVersion(String label, int version) {
    return version(label, version)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "version", "label '" + label + "' has no model version " + version));
  }

  /**
   * @throws DomainException conflict before the label's first model
   */
  public ModelRow requireLatest(String label) {
    return latest(label)
        .orElseThrow(
            () ->
                DomainException.conflict(
                    "version", "label '" + label + "' has no model yet; build first"));
  }

  /**
   * Probabilities of {@code keys} under {@code model}; without keys, of every clip appended since
   * the model was built.
   *
   * @throws DomainException not found for a key the corpus lacks; invalid for more than {@link
   *     #MAX_SCORE_KEYS} keys
   */
  public List<Scored> score(ModelRow model, Optional<List<String>> keys) {
    KeyedMatrix vectors = corpus.vectors();
    List<String> wanted =
        keys.orElseGet(
            () -> {
              List<String> since = new ArrayList<>();
              for (int r = (int) Math.min(model.corpusRows(), vectors.size());
                  r < vectors.size();
                  r++) {
                since.add(vectors.keys().key(r));
              }
              return since;
            });
    if (wanted.size() > MAX_SCORE_KEYS) {
      throw DomainException.invalid(
          "keys", "at most " + MAX_SCORE_KEYS + " keys per request, got " + wanted.size());
    }
    LabelModel linear = builds.labelModel(model);
    List<Scored> scores = new ArrayList<>(wanted.size());
    for (String key : wanted) {
      int r = vectors.keys().rowOf(key);
      if (r < 0) {
        throw DomainException.notFound(
            "keys", "the corpus has no clip '" + DomainException.shorten(key) + "' (keys)");
      }
      scores.add(new Scored(key, (float) linear.probability(vectors, r), null));
    }
    return scores;
  }

  /** The answer to a scoring request: the version and a probability per key. */
  public record Scores(int version, List<KeyScore> scores) {}

  /** One scored key. */
  public record KeyScore(String key, float score) {}

  /** {@link #score} as the API answers it. */
  public Scores scores(ModelRow model, Optional<List<String>> keys) {
    return new Scores(
        model.version(),
        score(model, keys).stream().map(s -> new KeyScore(s.key(), s.score())).toList());
  }

  /**
   * The preview: the best {@code k} of a seeded sample of unannotated clips, and the sample size.
   */
  public record Preview(int version, int sampled, List<Scored> items) {}

  public Preview preview(String label, ModelRow model, int k) {
    LabelModel linear = builds.labelModel(model);
    KeyedMatrix vectors = corpus.vectors();
    Set<String> annotated =
        store.current(label).stream().map(CurrentAnnotation::key).collect(Collectors.toSet());
    // A seeded sample keeps the preview cheap on any corpus size and the same between calls.
    SplittableRandom random = new SplittableRandom(model.version());
    List<Scored> scored = new ArrayList<>();
    BitSet seen = new BitSet(vectors.size());
    int attempts = Math.min(PREVIEW_SAMPLE, vectors.size());
    for (int i = 0; i < attempts; i++) {
      int r = vectors.size() <= PREVIEW_SAMPLE ? i : random.nextInt(vectors.size());
      String key = vectors.keys().key(r);
      if (seen.get(r) || annotated.contains(key)) {
        continue;
      }
      seen.set(r);
      scored.add(new Scored(key, (float) linear.probability(vectors, r), null));
    }
    List<Scored> top =
        scored.stream()
            .sorted(Comparator.comparingDouble(Scored::score).reversed())
            .limit(k)
            .map(
                s ->
                    new Scored(
                        s.key(),
                        s.score(),
                        ClipView.of(corpus.clip(s.key()).orElseThrow(), corpus)))
            .toList();
    return new Preview(model.version(), scored.size(), top);
  }
}
