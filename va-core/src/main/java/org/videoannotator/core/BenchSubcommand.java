package org.videoannotator.core;

/**
 * A {@code va bench NAME} command. Benchmarks print figures and ratios against a baseline measured
 * in the same run; they never assert timings. Register it like any {@link VaSubcommand}.
 */
public interface BenchSubcommand extends VaSubcommand {
  @Override
  default String group() {
    return "bench";
  }
}
