/**
 * The {@code lucene} vector store: the corpus's HNSW graph and clip text in a Lucene index in the
 * corpus folder.
 */
package org.videoannotator.index.lucene;
