package org.videoannotator.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session of a {@code va spark} job. The master is the one given, else the one
 * {@code spark-submit} set ({@code spark.master}), else {@code local[*]}: the same command runs on
 * one machine or on a cluster.
 */
public final class SparkSessions {
  /** The master when neither the command line nor spark-submit names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * A session for {@code app}; {@code master} may be null (then spark-submit's or the default).
   * Local masters bind to the loopback address, so a laptop on a strange network still works.
   */
  public static SparkSession start(String app, String master) {
    SparkConf conf = new SparkConf(true);
    String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
    conf.setMaster(chosen).setAppName("va " + app);
    if (chosen.startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
