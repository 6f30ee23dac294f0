package org.videoannotator.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va replay splits}: the validation keys of every label. */
@Command(
    name = "splits",
    mixinStandardHelpOptions = true,
    description = "Write {label: [sorted validation keys]} of the protocol's split of each agg set.")
final class SplitsCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SplitsCommand.class);

  @Option(names = "--data", required = true, description = "Data set folder (released layout).")
  Path data;

  @Option(names = "--labels", split = ",", description = "Labels (default: every label with an agg file).")
  List<String> labels;

  @Option(names = "--seed", defaultValue = "0", description = "murmur3 seed of the split (default: ${DEFAULT-VALUE}).")
  int seed;

  @Option(names = "--out", required = true, description = "Output JSON file.")
  Path out;

  @Override
  public Integer call() {
    Settings.log(LOG, "replay splits", "data", data, "labels", labels, "seed", seed, "out", out);
    try (ReplayData replay = ReplayData.open(data)) {
      var splits = Splits.validationKeys(replay, replay.resolveLabels(labels), seed);
      ResultFiles.write(out, splits);
      System.out.println("wrote " + out + " (" + splits.size() + " labels)");
    }
    return 0;
  }
}
