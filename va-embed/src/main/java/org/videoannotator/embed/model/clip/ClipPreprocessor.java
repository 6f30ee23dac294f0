package org.videoannotator.embed.model.clip;

import java.awt.image.BufferedImage;
import org.videoannotator.embed.model.Images;

/**
 * CLIP's image preprocessing: bicubic resize of the short side to the input size, centre crop,
 * scale to [0, 1], subtract the mean and divide by the std per channel; CHW float layout. (Java2D's
 * bicubic differs slightly from PIL's antialiased bicubic on large reductions; large reductions go
 * through halving steps first, see {@link Images#resize}.)
 */
public final class ClipPreprocessor {
  private final ClipConfig config;

  public ClipPreprocessor(ClipConfig config) {
    this.config = config;
  }

  /** {@code 3 * size * size} floats, channel-major (R plane, G plane, B plane). */
  public float[] toTensor(BufferedImage image) {
    int size = config.imageSize();
    BufferedImage square = Images.centerCrop(Images.resizeShortSide(image, size), size);
    int[] argb = square.getRGB(0, 0, size, size, null, 0, size);
    int plane = size * size;
    float[] out = new float[3 * plane];
    float[] mean = config.mean();
    float[] std = config.std();
    for (int i = 0; i < plane; i++) {
      int p = argb[i];
      out[i] = (((p >> 16) & 0xff) / 255f - mean[0]) / std[0];
      out[plane + i] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
      out[2 * plane + i] = ((p & 0xff) / 255f - mean[2]) / std[2];
    }
    return out;
  }
}
