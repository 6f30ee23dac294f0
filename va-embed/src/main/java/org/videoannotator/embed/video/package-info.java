/**
 * Decoding (JavaCV/FFmpeg, frames scaled for analysis, handed to sinks asynchronously) and the shot
 * spans and transitions ingest builds on.
 */
package org.videoannotator.embed.video;
