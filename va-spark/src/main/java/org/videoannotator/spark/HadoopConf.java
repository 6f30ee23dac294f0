package org.videoannotator.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * The Hadoop configuration a job's {@code spark.hadoop.*} settings describe, on driver or executor.
 */
public final class HadoopConf {
  /** The executor's parsed configuration, kept for its Spark configuration. */
  private static volatile Parsed parsed;

  private record Parsed(SparkConf spark, Configuration conf) {}

  private HadoopConf() {}

  public static Configuration of(SparkConf spark) {
    Configuration conf = new Configuration();
    for (Tuple2<String, String> entry : spark.getAllWithPrefix("spark.hadoop.")) {
      conf.set(entry._1(), entry._2());
    }
    return conf;
  }

  /**
   * Inside a task: the configuration of the executor's Spark environment, a copy of its own. Its
   * resources ({@code core-default.xml}...) are parsed once per executor, not per task: parsing
   * them took a tenth of a scoring task's CPU.
   */
  public static Configuration current() {
    SparkEnv env = SparkEnv.get();
    if (env == null) {
      return new Configuration();
    }
    Parsed p = parsed;
    if (p == null || p.spark() != env.conf()) {
      Configuration conf = of(env.conf());
      conf.size(); // loads the resources now, so the copies below share the parse
      p = new Parsed(env.conf(), conf);
      parsed = p;
    }
    return new Configuration(p.conf());
  }
}
