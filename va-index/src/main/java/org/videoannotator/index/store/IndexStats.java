package org.videoannotator.index.store;

import java.util.Map;

/**
 * What a store reports about itself.
 *
 * @param kind the store kind ({@code lucene}, {@code opensearch})
 * @param rows rows committed
 * @param dimension vector length
 * @param similarity how vectors are compared inside the store
 * @param segments units searched one after the other (Lucene segments, OpenSearch shards)
 * @param bytes size on disk or in the cluster (-1 when unknown)
 * @param details store-specific facts (quantization, URL, index name...)
 */
public record IndexStats(
    String kind,
    long rows,
    int dimension,
    String similarity,
    int segments,
    long bytes,
    Map<String, String> details) {}
