/**
 * The {@code opensearch} vector store: a corpus's searchable copy in an OpenSearch cluster (k-NN,
 * lucene engine) over HTTP.
 */
package org.videoannotator.opensearch;
