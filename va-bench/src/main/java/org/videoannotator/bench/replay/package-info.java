/**
 * Benchmark support: running the Python protocol and comparing Experiment 1 results figure by figure.
 */
package org.videoannotator.bench.replay;
