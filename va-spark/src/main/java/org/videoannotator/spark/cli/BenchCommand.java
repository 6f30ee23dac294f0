package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoannotator.core.UserException;
import org.videoannotator.spark.bench.SparkBenchmark;
import org.videoannotator.spark.parquet.VectorColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va bench spark}: Spark jobs against the single-machine commands, same work, one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Spark ingest and scoring against the single-machine commands, in one run.",
      "",
      "Ingest and scoring throughput: 'va ingest' and the single-machine scorer as the baseline, then the Spark jobs in each master (default local[1] and local[2]), scoring a table of each vector column kind. Prints figures, rows/s per core and ratios; writes them as JSON. Rendered videos and the vector files are kept in --work for the next run (10M x 512 takes about 40 GB)."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--work",
      defaultValue = "${java.io.tmpdir}/va-bench-spark",
      paramLabel = "DIR",
      description = "Working folder (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--videos",
      defaultValue = "8",
      paramLabel = "N",
      description = "Videos to ingest; 0 skips ingest (default: ${DEFAULT-VALUE}).")
  int videos;

  @Option(
      names = "--rows",
      defaultValue = "10000000",
      paramLabel = "R",
      description = "Vectors to score; 0 skips scoring (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--dim",
      defaultValue = "512",
      paramLabel = "D",
      description = "Vector dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(
      names = "--master",
      paramLabel = "URL",
      split = ",",
      defaultValue = "local[1],local[2]",
      description = "Spark masters to measure (default: ${DEFAULT-VALUE}).")
  List<String> masters;

  @Option(
      names = "--vector-column",
      paramLabel = "KIND",
      split = ",",
      defaultValue = "array,binary",
      description =
          "Vector column kinds of the scored tables: array (array<float>), binary (float32 little-endian) (default: ${DEFAULT-VALUE}).")
  List<String> columns;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      paramLabel = "N",
      description =
          "Scoring pairs per master, run alternately: single machine, then the Spark job (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--warm-up",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Untimed runs of each scorer before the pairs, in the same JVM and Spark session: 1 pays "
              + "for class loading and the JIT compiler's first work; more stand for a long-lived "
              + "driver whose compiler has settled (default: ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where the JSON goes (default: WORK/bench-spark.json).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (videos < 0 || rows < 0 || dim < 1 || rows > Integer.MAX_VALUE || rounds < 1 || warmUp < 1) {
      throw new UserException(
          "--videos and --rows must be >= 0 (rows < 2^31), --dim, --rounds and --warm-up >= 1");
    }
    Map<String, Object> results =
        new SparkBenchmark(
                new SparkBenchmark.Settings(
                    work,
                    videos,
                    rows,
                    dim,
                    masters,
                    columns.stream().map(VectorColumn::named).toList(),
                    rounds,
                    warmUp))
            .run();
    Path file = out != null ? out : work.resolve("bench-spark.json");
    SparkBenchmark.write(results, file);
    System.out.println("figures written to " + file);
    return 0;
  }
}
