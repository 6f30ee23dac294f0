/**
 * Synthetic video, the project's one renderer of test and demo footage: scripted shots ({@link
 * org.videoannotator.embed.video.synthetic.ShotPlan}, {@link
 * org.videoannotator.embed.video.synthetic.Scene}), drawn by {@link
 * org.videoannotator.embed.video.synthetic.SceneRenderer}, joined by cuts, dissolves and fades and
 * encoded with FFmpeg by {@link org.videoannotator.embed.video.synthetic.SyntheticVideo}, which
 * writes the exact {@link org.videoannotator.embed.video.synthetic.GroundTruth} of every
 * transition. Used by the shot detector's tests and {@code va bench decode}, and by the demo
 * ({@code va demo}), which depends on it explicitly. Nothing in ingest depends on it.
 */
package org.videoannotator.embed.video.synthetic;
