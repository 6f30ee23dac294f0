package org.videoannotator.embed.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.clip.ClipEmbedder;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;

/**
 * CLIP plus the descriptor: {@code [CLIP_WEIGHT * clip, DESCRIPTOR_WEIGHT * descriptor]}, each
 * block L2-normalised first, the whole renormalised. CLIP carries the semantics; the descriptor
 * adds the camera motion and shot grammar CLIP is nearly blind to. With the weights 1 and {@value
 * #DESCRIPTOR_WEIGHT}, the CLIP block holds 1 / (1 + 0.49) = 67% of the squared length. The text
 * tower encodes with CLIP and pads the descriptor block with zeros, so text-to-shot cosine is the
 * CLIP cosine scaled by a constant and ranks shots exactly as CLIP does.
 */
public final class ConcatEmbedder implements Embedder {
  public static final String ID = "concat";
  public static final double CLIP_WEIGHT = 1.0;
  public static final double DESCRIPTOR_WEIGHT = 0.7;

  private final ClipEmbedder clip;
  private final DescriptorEmbedder descriptor;

  public ConcatEmbedder(ClipEmbedder clip, DescriptorEmbedder descriptor) {
    this.clip = clip;
    this.descriptor = descriptor;
  }

  @Override
  public EmbedderInfo info() {
    EmbedderInfo c = clip.info();
    EmbedderInfo d = descriptor.info();
    Map<String, String> params = new LinkedHashMap<>();
    c.params().forEach((k, v) -> params.put("clip." + k, v));
    d.params().forEach((k, v) -> params.put("descriptor." + k, v));
    params.put("block_weights", CLIP_WEIGHT + "," + DESCRIPTOR_WEIGHT);
    return new EmbedderInfo(ID, c.version() + "+" + d.id() + d.version(), params);
  }

  @Override
  public int dimension() {
    return clip.dimension() + descriptor.dimension();
  }

  @Override
  public int minFrameShortSide() {
    return Math.max(clip.minFrameShortSide(), descriptor.minFrameShortSide());
  }

  @Override
  public float[] embedShot(ShotFrames frames) {
    return join(clip.embedShot(frames), descriptor.embedShot(frames));
  }

  /** The weighted concatenation of two unit vectors (a null descriptor block is zeros). */
  float[] join(float[] clipVector, float[] descriptorVector) {
    float[] out = new float[dimension()];
    for (int i = 0; i < clipVector.length; i++) {
      out[i] = (float) (CLIP_WEIGHT * clipVector[i]);
    }
    if (descriptorVector != null) {
      for (int i = 0; i < descriptorVector.length; i++) {
        out[clipVector.length + i] = (float) (DESCRIPTOR_WEIGHT * descriptorVector[i]);
      }
    }
    return VectorMath.normalizeInPlace(out);
  }

  @Override
  public Optional<Path> modelDir() {
    return clip.modelDir();
  }

  @Override
  public Optional<TextEncoder> textEncoder() {
    return clip.textEncoder()
        .map(
            text ->
                new TextEncoder() {
                  @Override
                  public String id() {
                    return ID;
                  }

                  @Override
                  public float[] encode(String words) {
                    return join(text.encode(words), null);
                  }
                });
  }

  @Override
  public void close() {
    try (clip;
        descriptor) {
      // both closed, even if one throws
    }
  }
}
