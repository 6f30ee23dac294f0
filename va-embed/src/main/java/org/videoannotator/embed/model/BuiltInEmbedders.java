package org.videoannotator.embed.model;

import java.nio.file.Path;
import org.videoannotator.embed.model.clip.ClipEmbedder;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;

/** The providers of the embedders va-embed ships (registered in META-INF/services). */
public final class BuiltInEmbedders {
  private BuiltInEmbedders() {}

  /** Hand-crafted colour, texture and motion descriptors: no model needed. */
  public static final class Descriptor implements EmbedderProvider {
    @Override
    public String id() {
      return DescriptorEmbedder.ID;
    }

    @Override
    public boolean needsModel() {
      return false;
    }

    @Override
    public Embedder create(Path modelDir) {
      return new DescriptorEmbedder();
    }
  }

  /** A CLIP-style vision-language model (TorchScript, DJL) loaded from a model folder. */
  public static final class Clip implements EmbedderProvider {
    @Override
    public String id() {
      return ClipEmbedder.ID;
    }

    @Override
    public boolean needsModel() {
      return true;
    }

    @Override
    public Embedder create(Path modelDir) {
      return ClipEmbedder.open(modelDir);
    }
  }

  /** CLIP and descriptor vectors side by side. */
  public static final class Concat implements EmbedderProvider {
    @Override
    public String id() {
      return ConcatEmbedder.ID;
    }

    @Override
    public boolean needsModel() {
      return true;
    }

    @Override
    public Embedder create(Path modelDir) {
      return new ConcatEmbedder(ClipEmbedder.open(modelDir), new DescriptorEmbedder());
    }
  }
}
