/**
 * The corpus: a folder of clips, their L2-normalised vectors (memory-mapped float32) and a Lucene
 * index (HNSW vectors, English full text, filter terms), with crash-safe incremental appends and
 * vector, by-example, named-query, full-text and hybrid search. Entry points: {@link
 * org.videoannotator.index.Corpus} and {@link org.videoannotator.index.SearchRequest}; the layout
 * and protocol are in va-index/README.md.
 */
package org.videoannotator.index;
