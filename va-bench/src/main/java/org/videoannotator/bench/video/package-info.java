/**
 * {@code va bench decode} (decoding speed and shot-boundary quality against peers: {@code
 * PySceneDetectStyle}, {@code FfmpegSceneFilter}; recall per kind of material, {@code
 * MaterialBreakdown}) and {@code va bench train-cuts} (the cut classifier trained on rendered
 * tuning footage).
 */
package org.videoannotator.bench.video;
