package org.videoannotator.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The data set and labels every replay command reads (a picocli mixin). */
final class DataOptions {
  @Option(names = "--data", required = true, description = "Data set folder (released layout).")
  Path data;

  @Option(
      names = "--labels",
      split = ",",
      description = "Labels (default: every label with an agg file).")
  List<String> labels;

  @Option(names = "--out", required = true, description = "Output JSON file.")
  Path out;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  int workers() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
