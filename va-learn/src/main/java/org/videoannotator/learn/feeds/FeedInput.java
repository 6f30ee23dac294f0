package org.videoannotator.learn.feeds;

import org.videoannotator.core.vectors.FloatMatrix;

/**
 * What a build knows when it fills its feeds.
 *
 * @param probabilities the model's positive-class probability of every row
 * @param vectors the rows' unit vectors (for feeds that look at content), row i = probability i
 * @param threshold the model's decision threshold (0.5, or a calibrated one)
 * @param seed seed of any randomness (the random feed), recorded with the build
 */
public record FeedInput(float[] probabilities, FloatMatrix vectors, double threshold, long seed) {
  public FeedInput {
    if (vectors != null && vectors.rows() != probabilities.length) {
      throw new IllegalArgumentException(
          vectors.rows() + " vectors but " + probabilities.length + " scores");
    }
  }

  public int rows() {
    return probabilities.length;
  }
}
