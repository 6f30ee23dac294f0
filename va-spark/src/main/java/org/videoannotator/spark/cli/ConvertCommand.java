package org.videoannotator.spark.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.parquet.VectorColumn;
import org.videoannotator.spark.parquet.VectorTableConversion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code va spark convert}: a table's vector column re-encoded, e.g. a foreign array<float> table
 * to binary.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Re-encode a Parquet table's vector column.",
      "",
      "Writes OUT: the table with its vector column as binary (4 x dim bytes, little-endian float32; the kind va spark score reads fastest) or array (array<float>); other columns and TABLE/_va_corpus.json are kept."
    })
public final class ConvertCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();

  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description = "Folder or URI of the table to read.")
  String table;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description = "Folder or URI of the new table (replaced).")
  String out;

  @Option(
      names = "--to",
      defaultValue = "binary",
      paramLabel = "KIND",
      description = "binary or array (default: ${DEFAULT-VALUE}).")
  String to;

  @Override
  public Integer call() throws Exception {
    VectorColumn kind = VectorColumn.named(to);
    try (SparkSession spark = SparkSessions.start("convert", master.master)) {
      long rows = VectorTableConversion.convert(spark, table, out, kind);
      System.out.println(
          "wrote " + rows + " rows of " + table + " to " + out + " with " + kind + " vectors");
    }
    return 0;
  }
}
