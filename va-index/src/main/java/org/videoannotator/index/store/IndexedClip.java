package org.videoannotator.index.store;

import org.videoannotator.index.Clip;

/** One clip as a store indexes it: its corpus row, metadata, and unit-length vector. */
public record IndexedClip(int row, Clip clip, float[] vector) {}
