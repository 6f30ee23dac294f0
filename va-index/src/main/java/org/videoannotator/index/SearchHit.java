package org.videoannotator.index;

/**
 * One search result. {@code score} is the exact cosine similarity for a vector search, the BM25
 * score for a words-only search, and the reciprocal-rank-fusion score for a hybrid search.
 */
public record SearchHit(String key, float score, Clip clip) {}
