/**
 * {@code va bench index}: vector stores built and searched against exact search: build time, heap,
 * latency and recall per query set ({@code IndexBenchmark}).
 */
package org.videoannotator.bench.index;
