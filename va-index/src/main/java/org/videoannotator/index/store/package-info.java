/**
 * The vector store seam: {@code VectorStore} (write lifecycle and nearest neighbours, nothing else)
 * and its {@code VectorStoreProvider}s (found with {@code ServiceLoader}, each parsing its own
 * settings), the {@code RowIndex} lifecycle it shares with the text index, which store a corpus
 * uses ({@code StoreSpec}), filters and statistics. No Lucene type appears here.
 */
package org.videoannotator.index.store;
