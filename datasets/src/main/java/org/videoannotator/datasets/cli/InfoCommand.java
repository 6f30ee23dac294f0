package org.videoannotator.datasets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.datasets.DatasetStats;
import org.videoannotator.datasets.VaDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code va dataset info DIR [--json]}: checks a data set and prints its figures. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Read and check a data set folder (shot-data.csv, embeddings.h5, text-embeddings.json,",
      "agg/, cmp/, checkpoints/, ave/validation/) and print shots, dim and, per label, the VA",
      "set's count, positives, positive rate, agreement (share of shots whose voters agree:",
      "pos_cnt 0 or their number, 3 in the release), the cmp random / zero-shot positive rates",
      "and the checkpoint count."
    })
final class InfoCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(InfoCommand.class);

  @CommandLine.Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
  Path dir;

  @CommandLine.Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Settings.log(LOG, "dataset info", "dir", dir, "json", json);
    DatasetStats stats;
    try (VaDataset dataset = VaDataset.open(dir)) {
      stats = DatasetStats.of(dataset);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? StatsReport.json(stats) : StatsReport.table(stats));
    out.flush();
    return 0;
  }
}
