package org.videoannotator.experiments.cli;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code va replay splits}: the validation keys of every label. */
@Command(
    name = "splits",
    mixinStandardHelpOptions = true,
    description =
        "Write {label: [sorted validation keys]} of the protocol's split of each agg set.")
final class SplitsCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SplitsCommand.class);

  @Mixin DataOptions io;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "murmur3 seed of the split (default: ${DEFAULT-VALUE}).")
  int seed;

  @Override
  public Integer call() {
    Settings.log(
        LOG, "replay splits", "data", io.data, "labels", io.labels, "seed", seed, "out", io.out);
    try (ReplayData replay = ReplayData.open(io.data)) {
      var splits = Splits.validationKeys(replay, replay.resolveLabels(io.labels), seed);
      ResultFiles.write(io.out, splits);
      System.out.println("wrote " + io.out + " (" + splits.size() + " labels)");
    }
    return 0;
  }
}
