package org.videoannotator.server.team;

import java.util.Optional;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.LabelModel;
import org.videoannotator.server.store.AnnotationStore;

/**
 * A label's {@link AgreementReport}: its current annotations and its latest model's decisions. No
 * HTTP.
 */
public final class AgreementService {
  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public AgreementService(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public AgreementReport agreement(String label) {
    ModelDecisions model = builds.latestLabelModel(label).map(this::decisions).orElse(null);
    return AgreementReport.of(label, store.current(label), model);
  }

  private ModelDecisions decisions(LabelModel model) {
    KeyedMatrix vectors = corpus.vectors();
    return new ModelDecisions() {
      @Override
      public int version() {
        return model.version().version();
      }

      @Override
      public double threshold() {
        return model.threshold();
      }

      @Override
      public Optional<Boolean> yes(String key) {
        int row = vectors.keys().rowOf(key);
        return row < 0 ? Optional.empty() : Optional.of(model.yes(model.probability(vectors, row)));
      }
    };
  }
}
