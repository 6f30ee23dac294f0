package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.parquet.CorpusParquet;
import org.videoannotator.spark.parquet.VectorColumn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va spark to-parquet}: a corpus's keys, clip metadata and vectors as a Parquet table. */
@Command(
    name = "to-parquet",
    mixinStandardHelpOptions = true,
    description = {
      "Write a corpus as a Parquet table (keys, clip metadata, vectors).",
      "",
      "Replaces the table; columns row, key, video, source, title, start, end, frame_in, frame_out, fps, cluster, text, extra, vector (binary: 4 x dim bytes of little-endian float32, or array of float with --vector-column array); what the vectors are goes to TABLE/_va_corpus.json."
    })
public final class ToParquetCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();

  @Parameters(index = "0", paramLabel = "TABLE", description = "Output folder or URI of the table.")
  String table;

  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Option(
      names = "--vector-column",
      defaultValue = "binary",
      paramLabel = "KIND",
      description =
          "binary (float32 little-endian, fast to score) or array (array<float>, what other tools read) (default: ${DEFAULT-VALUE}).")
  String vectorColumn;

  @Override
  public Integer call() throws Exception {
    VectorColumn kind = VectorColumn.named(vectorColumn);
    try (Corpus c = Corpus.open(corpus, CorpusOptions.existing());
        SparkSession spark = SparkSessions.start("to-parquet", master.master)) {
      long rows = CorpusParquet.export(spark, c, table, kind);
      System.out.println("wrote " + rows + " clips of " + corpus + " to " + table);
    }
    return 0;
  }
}
