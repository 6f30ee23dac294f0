/** A corpus to Parquet and back. */
package org.videoannotator.spark.parquet;
