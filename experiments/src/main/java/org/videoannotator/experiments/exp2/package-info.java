/**
 * Experiment 2: decision processes (round-robin, random, greedy oracle, epsilon-greedy, UCB, Exp3)
 * choosing, batch after batch, the source of the next annotations, with the reference's warm-up,
 * reward and tie-breaking.
 */
package org.videoannotator.experiments.exp2;
