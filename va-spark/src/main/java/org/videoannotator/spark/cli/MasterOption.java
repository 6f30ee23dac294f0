package org.videoannotator.spark.cli;

import picocli.CommandLine.Option;

/** The {@code --master} option every job takes. */
final class MasterOption {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master: local[N], local[*], spark://host:port, yarn, k8s://... "
              + "(default: the one spark-submit sets, else local[*]).")
  String master;
}
