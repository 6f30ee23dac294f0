/**
 * Apache Spark jobs over corpora (ingest, Parquet, scoring): the Spark session and the JSON Hadoop
 * needs.
 */
package org.videoannotator.spark;
