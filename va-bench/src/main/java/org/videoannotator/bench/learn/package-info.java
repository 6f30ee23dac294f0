/**
 * {@code va bench learn}: the server's build loop (train, score, feeds) timed on a synthetic corpus
 * ({@code LearnBenchmark}).
 */
package org.videoannotator.bench.learn;
