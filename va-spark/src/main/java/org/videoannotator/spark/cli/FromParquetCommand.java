package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.cli.StoreOptions;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.parquet.CorpusParquet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va spark from-parquet}: a Parquet table of vectors appended to a corpus. */
@Command(
    name = "from-parquet",
    mixinStandardHelpOptions = true,
    description = {
      "Append a Parquet table of vectors to a corpus.",
      "",
      "The table needs at least key (string) and vector (binary float32 little-endian, or array of float); the corpus is created when absent. Keys already there are skipped, so an interrupted import can be run again."
    })
public final class FromParquetCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();
  @CommandLine.Mixin StoreOptions store = new StoreOptions();

  @Parameters(index = "0", paramLabel = "TABLE", description = "Folder or URI of the table.")
  String table;

  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Option(
      names = "--embedder",
      paramLabel = "ID",
      description = "What the vectors are, for a table not written by 'va spark to-parquet'.")
  String embedder;

  @Override
  public Integer call() throws Exception {
    EmbedderInfo info = embedder == null ? null : new EmbedderInfo(embedder, "1", Map.of());
    try (SparkSession spark = SparkSessions.start("from-parquet", master.master)) {
      AppendResult result = CorpusParquet.importInto(spark, table, corpus, info, store.spec());
      System.out.println(
          "appended "
              + result.appended()
              + " clips to "
              + corpus
              + (result.skipped().isEmpty()
                  ? ""
                  : "; " + result.skipped().size() + " keys were already there"));
    }
    return 0;
  }
}
