/**
 * The {@code descriptor} embedder: offline, no weights; appearance and motion features computed
 * from the frames.
 */
package org.videoannotator.embed.model.descriptor;
