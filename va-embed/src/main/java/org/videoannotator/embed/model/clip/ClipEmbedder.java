package org.videoannotator.embed.model.clip;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;
import org.videoannotator.embed.model.Spread;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;

/**
 * CLIP shot embeddings, CLIP4Clip-style mean pooling: a shot's vector is the L2-normalised mean of
 * its sampled frames' L2-normalised image vectors. How many frames are sampled per second is the
 * ingest's {@code --sample-fps}; at most {@link #MAX_FRAMES_PER_SHOT} evenly spread frames of a
 * shot are encoded so long shots cost a bounded time.
 */
public final class ClipEmbedder implements Embedder {
  public static final String ID = "clip";
  public static final int MAX_FRAMES_PER_SHOT = 8;

  private final ClipModel model;

  private ClipEmbedder(ClipModel model) {
    this.model = model;
  }

  /** Loads the model in {@code modelDir} (see {@link ClipModelFolder} for the layout). */
  public static ClipEmbedder open(Path modelDir) {
    return new ClipEmbedder(ClipModel.load(ClipModelFolder.open(modelDir)));
  }

  public ClipModel model() {
    return model;
  }

  @Override
  public EmbedderInfo info() {
    ClipModelFolder folder = model.folder();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("model_name", folder.config().modelName());
    params.put("image_size", String.valueOf(folder.config().imageSize()));
    params.put("pooling", "mean");
    params.put("max_frames", String.valueOf(MAX_FRAMES_PER_SHOT));
    return new EmbedderInfo(ID, folder.version(), params);
  }

  @Override
  public int dimension() {
    return model.folder().config().embedDim();
  }

  @Override
  public int minFrameShortSide() {
    return model.folder().config().imageSize();
  }

  @Override
  public float[] embedShot(ShotFrames shot) {
    List<BufferedImage> images =
        Spread.evenly(shot.frames(), MAX_FRAMES_PER_SHOT).stream()
            .map(SampledFrame::image)
            .toList();
    return meanPool(model.encodeImages(images));
  }

  /** Normalised mean of normalised vectors. */
  static float[] meanPool(float[][] vectors) {
    float[] mean = new float[vectors[0].length];
    for (float[] v : vectors) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += v[i];
      }
    }
    return VectorMath.normalizeInPlace(mean);
  }

  @Override
  public Optional<Path> modelDir() {
    return Optional.of(model.folder().dir());
  }

  @Override
  public Optional<TextEncoder> textEncoder() {
    if (!model.hasTextTower()) {
      return Optional.empty();
    }
    return Optional.of(
        new TextEncoder() {
          @Override
          public String id() {
            return ID;
          }

          @Override
          public float[] encode(String text) {
            return model.encodeText(text);
          }
        });
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "ClipEmbedder" + info();
  }
}
