package org.videoannotator.index.store;

/** A corpus row and the score a store gave it (higher is better). */
public record RowScore(int row, float score) {}
