package org.videoannotator.server.builds;

import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.server.store.Decision;
import org.videoannotator.server.store.Documents;
import org.videoannotator.server.store.ModelRow;

/**
 * One saved model version put to use: the model, the probability from which it says "yes" (its
 * calibrated threshold, 0.5 for models from before calibration) and the probability of a corpus
 * row. Loaded once per version ({@link BuildService#labelModel}); immutable, shared by threads.
 */
public record LabelModel(ModelRow version, LinearModel model, double threshold) {
  static LabelModel load(ModelRow row, ModelFiles files) {
    return new LabelModel(
        row, files.load(row.path()), Decision.thresholdOf(Documents.tree(row.summary())));
  }

  /** The probability of row {@code row} of {@code vectors} (the corpus's embeddings). */
  public double probability(KeyedMatrix vectors, int row) {
    return model.probability(vectors.matrix().row(row));
  }

  /** Whether the model says "yes" at probability {@code p}. */
  public boolean yes(double p) {
    return p >= threshold;
  }
}
