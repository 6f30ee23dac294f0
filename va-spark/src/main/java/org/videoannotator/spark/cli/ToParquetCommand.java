package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.parquet.CorpusParquet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va spark to-parquet}: a corpus's keys, clip metadata and vectors as a Parquet table. */
@Command(name = "to-parquet", mixinStandardHelpOptions = true,
    description = {"Write a corpus as a Parquet table (keys, clip metadata, vectors).", "",
        "Replaces the table; columns row, key, video, source, title, start, end, frame_in, frame_out, fps, cluster, text, extra, vector (array of float); what the vectors are goes to TABLE/_va_corpus.json."})
public final class ToParquetCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();

  @Parameters(index = "0", paramLabel = "TABLE", description = "Output folder or URI of the table.")
  String table;

  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Override
  public Integer call() throws Exception {
    try (Corpus c = Corpus.open(corpus, CorpusOptions.existing()); SparkSession spark = SparkSessions.start("to-parquet", master.master)) {
      long rows = CorpusParquet.export(spark, c, table);
      System.out.println("wrote " + rows + " clips of " + corpus + " to " + table);
    }
    return 0;
  }
}
