package org.videoannotator.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session shared by the tests of a JVM (starting one takes seconds). */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session = SparkSessions.start("test", "local[2,4]");
    }
    return session;
  }
}
