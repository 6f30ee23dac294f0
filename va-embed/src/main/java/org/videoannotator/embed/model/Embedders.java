package org.videoannotator.embed.model;

import java.nio.file.Path;
import java.util.List;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.model.clip.ClipEmbedder;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;

/** Creates embedders by id. */
public final class Embedders {
  /** The ids {@link #create} knows. */
  public static final List<String> IDS =
      List.of(DescriptorEmbedder.ID, ClipEmbedder.ID, ConcatEmbedder.ID);

  private Embedders() {}

  /**
   * The embedder {@code id}, loading its model from {@code modelDir} when it has one.
   *
   * @param modelDir the CLIP model folder for {@code clip} and {@code concat}; ignored (may be null)
   *     for {@code descriptor}
   * @throws UserException for an unknown id or a missing or malformed model folder
   */
  public static Embedder create(String id, Path modelDir) {
    return switch (id) {
      case DescriptorEmbedder.ID -> new DescriptorEmbedder();
      case ClipEmbedder.ID -> ClipEmbedder.open(modelDir);
      case ConcatEmbedder.ID -> new ConcatEmbedder(ClipEmbedder.open(modelDir), new DescriptorEmbedder());
      case "precomputed" -> throw new UserException("'precomputed' vectors are not computed at"
          + " ingest: import them with 'va import-vectors VECTORS --corpus C'");
      default -> throw new UserException("unknown embedder '" + id + "'; choose one of " + IDS);
    };
  }

  /** Whether {@code id} needs a model folder. */
  public static boolean needsModel(String id) {
    return id.equals(ClipEmbedder.ID) || id.equals(ConcatEmbedder.ID);
  }
}
