package org.videoannotator.index;

/**
 * Turns words into a vector in the same space as a corpus's clip vectors (the text tower of a
 * CLIP-like model). Implemented by va-embed; the corpus itself never loads a model.
 */
public interface TextEncoder {
  /** The embedder id this encoder belongs to; must equal the corpus's {@link EmbedderInfo#id()}. */
  String id();

  /** The text's embedding, of the corpus's dimension (normalised by the caller if needed). */
  float[] encode(String text);
}
