/**
 * {@code va bench spark}: Spark ingest and scoring timed against the single-machine commands in the
 * same run; stays with va-spark's class path.
 */
package org.videoannotator.spark.bench;
