package org.videoannotator.server.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.annotations.AnnotationView;
import org.videoannotator.server.assign.ClipAllocator;
import org.videoannotator.server.assign.Worker;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.LabelModel;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Decision;
import org.videoannotator.server.store.Value;

/**
 * Review of a label's annotations against its latest model: all, positives, negatives,
 * disagreements (annotators' votes differ), flipped (the model contradicts the label, strongest
 * contradiction first) or needs-vote (clips teammates voted on that still need the reviewing
 * annotator's vote to meet the label's overlap, claimed for them as feeds claim theirs: see {@link
 * ClipAllocator}). No HTTP here: {@link ReviewController} parses and answers.
 */
public final class ReviewService {
  /** The review filters, wire names. */
  public enum Filter {
    ALL,
    POSITIVES,
    NEGATIVES,
    DISAGREEMENTS,
    FLIPPED,
    NEEDS_VOTE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> wireNames() {
      return Arrays.stream(values()).map(Filter::wire).toList();
    }

    public static Filter of(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** One reviewed annotation; {@code modelScore} is null before the first build. */
  public record ReviewItem(AnnotationView annotation, Float modelScore, ClipView clip) {}

  /** A page of the review and how many annotations passed the filter in all. */
  public record ReviewPage(String filter, int total, List<ReviewItem> items) {}

  private record Scored(CurrentAnnotation annotation, Float score, double threshold) {
    /**
     * How strongly the model contradicts the label: distance of its score from the label's side of
     * its threshold.
     */
    double contradiction() {
      if (score == null) {
        return 0;
      }
      return annotation.value() == Value.YES ? threshold - score : score - threshold;
    }

    /**
     * The model's probability of the other answer: the order of the flipped ones. Not the distance
     * from the threshold, which is cut for the corpus's prevalence (a cautious cut would otherwise
     * put "yes" labels the model scores 0.85 ahead of a "no" it scores 0.99).
     */
    double otherAnswer() {
      return annotation.value() == Value.YES ? 1 - score : score;
    }
  }

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final ClipAllocator allocator;

  public ReviewService(
      Corpus corpus, AnnotationStore store, BuildService builds, ClipAllocator allocator) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.allocator = allocator;
  }

  /**
   * @param worker who reviews: the needs-vote filter serves the clips that need their vote
   */
  public ReviewPage review(String label, Worker worker, Filter filter, int k, int offset) {
    LabelModel model = builds.latestLabelModel(label).orElse(null);
    double threshold = model == null ? Decision.UNCALIBRATED_THRESHOLD : model.threshold();
    KeyedMatrix vectors = corpus.vectors();
    List<Scored> rows = new ArrayList<>();
    for (CurrentAnnotation a : store.current(label)) {
      Float score = null;
      int row = vectors.keys().rowOf(a.key());
      if (model != null && row >= 0) {
        score = (float) model.probability(vectors, row);
      }
      rows.add(new Scored(a, score, threshold));
    }
    if (filter == Filter.NEEDS_VOTE) {
      ClipAllocator.Page<Scored> page =
          allocator.serve(label, worker, rows, s -> s.annotation().key(), offset, k);
      return new ReviewPage(filter.wire(), page.available(), items(page.items()));
    }
    List<Scored> kept =
        switch (filter) {
          case POSITIVES -> rows.stream().filter(s -> s.annotation().value() == Value.YES).toList();
          case NEGATIVES -> rows.stream().filter(s -> s.annotation().value() == Value.NO).toList();
          case DISAGREEMENTS -> rows.stream().filter(s -> s.annotation().disputed()).toList();
          case FLIPPED ->
              rows.stream()
                  .filter(s -> s.annotation().value() != Value.UNSURE && s.contradiction() > 0)
                  .sorted(Comparator.comparingDouble(Scored::otherAnswer).reversed())
                  .toList();
          case ALL, NEEDS_VOTE -> rows;
        };
    return new ReviewPage(
        filter.wire(), kept.size(), items(kept.stream().skip(offset).limit(k).toList()));
  }

  private List<ReviewItem> items(List<Scored> page) {
    return page.stream()
        .map(
            s ->
                new ReviewItem(
                    AnnotationView.of(s.annotation()),
                    s.score(),
                    corpus
                        .clip(s.annotation().key())
                        .map(c -> ClipView.of(c, corpus))
                        .orElse(null)))
        .toList();
  }
}
