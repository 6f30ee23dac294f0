package org.videoannotator.experiments.exp2;

import org.videoannotator.experiments.protocol.Metric;

/** How a bandit values a source from its history of rewards. */
public enum Valuation {
  /** Mean of all rewards. */
  MEAN,
  /** The latest reward. */
  LAST,
  /** Exponentially weighted mean with the reference's alpha 0.5. */
  EWMA;

  /** The reference's EWMA alpha. */
  public static final double ALPHA = 0.5;

  public double of(Metric rewards) {
    return switch (this) {
      case MEAN -> rewards.mean();
      case LAST -> rewards.last();
      case EWMA -> rewards.ewma(ALPHA);
    };
  }
}
