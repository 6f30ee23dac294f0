/**
 * Everything Lucene: the {@code lucene} vector store (the corpus's HNSW graph in {@code index/},
 * its settings in {@code LuceneStoreSettings}) and the corpus's text index ({@code text/}, BM25
 * word search for every store), over their shared row lifecycle ({@code LuceneRowIndex}).
 */
package org.videoannotator.index.lucene;
