/**
 * Ingest as a Spark job: the same per-video code as {@code va ingest}, one task per video, staged
 * and committed so a killed job resumes.
 */
package org.videoannotator.spark.ingest;
