/**
 * Embedders: the {@code Embedder} contract, the {@code EmbedderProvider}s found with {@code
 * ServiceLoader} (built in: {@code descriptor}, {@code clip}, {@code concat}), and the text encoder
 * a corpus's embedder offers for text search.
 */
package org.videoannotator.embed.model;
