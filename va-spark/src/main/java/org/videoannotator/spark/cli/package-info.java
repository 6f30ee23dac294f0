/**
 * The {@code va spark} launcher ({@code VaSpark}, run by bin/va from va-spark's class path) and its
 * commands.
 */
package org.videoannotator.spark.cli;
