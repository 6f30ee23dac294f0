/**
 * The vector store seam: {@code VectorIndex} and its {@code VectorIndexProvider}s (found with
 * {@code ServiceLoader}), which store a corpus uses ({@code StoreSpec}), filters and statistics.
 */
package org.videoannotator.index.store;
