package org.videoannotator.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * The Hadoop configuration a job's {@code spark.hadoop.*} settings describe, on driver or executor.
 */
public final class HadoopConf {
  private HadoopConf() {}

  public static Configuration of(SparkConf spark) {
    Configuration conf = new Configuration();
    for (Tuple2<String, String> entry : spark.getAllWithPrefix("spark.hadoop.")) {
      conf.set(entry._1(), entry._2());
    }
    return conf;
  }

  /** Inside a task: the configuration of the executor's Spark environment. */
  public static Configuration current() {
    SparkEnv env = SparkEnv.get();
    return env == null ? new Configuration() : of(env.conf());
  }
}
