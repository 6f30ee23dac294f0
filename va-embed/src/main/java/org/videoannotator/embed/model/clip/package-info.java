/**
 * The {@code clip} embedder: a CLIP model folder run through DJL and PyTorch, its image
 * preprocessing and its tokenizer.
 */
package org.videoannotator.embed.model.clip;
