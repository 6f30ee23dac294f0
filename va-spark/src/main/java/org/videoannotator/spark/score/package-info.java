/** Scoring a corpus with a label's model as a Spark job, and the feeds' ranks from the scores. */
package org.videoannotator.spark.score;
