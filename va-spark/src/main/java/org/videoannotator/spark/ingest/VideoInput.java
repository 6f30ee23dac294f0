package org.videoannotator.spark.ingest;

import java.io.Serializable;

/**
 * One video file to ingest, as the driver found it.
 *
 * @param uri the file on any Hadoop filesystem ({@code file:/...}, {@code hdfs://...}, {@code
 *     s3a://...})
 * @param named the path as the user would write it (a local path for local files), shown in reports
 * @param videoId the id its clips carry: the path relative to the folder named, or the file name
 * @param bytes its size
 */
public record VideoInput(String uri, String named, String videoId, long bytes)
    implements Serializable {}
