package org.videoannotator.embed.video.synthetic;

import java.awt.image.BufferedImage;

/** Draws one shot's frames by local time: a {@link SceneRenderer} or a {@link LavfiSource}. */
interface ShotSource extends AutoCloseable {
  /** Draws local frame {@code t} into {@code img} (TYPE_INT_RGB, the output size). */
  void draw(BufferedImage img, int t);

  @Override
  default void close() {}
}
