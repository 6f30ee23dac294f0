/**
 * Shot boundary detection: per-frame signals, the cut classifier ({@code CutModel}), and the rules
 * for dissolves, fades and flashes, each with the constants the benchmark chose.
 */
package org.videoannotator.embed.video.shots;
