package org.videoannotator.embed.cli;

import java.nio.file.Path;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.model.Embedders;
import org.videoannotator.embed.model.ModelRecord;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import picocli.CommandLine.Option;

/**
 * The embedder options of every ingest ({@code va ingest}, {@code va spark ingest}): which
 * embedder, which model folder, how many frames a second. Missing choices fall back to what the
 * corpus records, so a second ingest into a corpus embeds like the first.
 */
public final class EmbedderOptions {
  @Option(
      names = "--embedder",
      paramLabel = "ID",
      description = "descriptor, clip or concat (default: the corpus's embedder, else descriptor).")
  String embedder;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "CLIP model folder for clip/concat (default: the one the corpus records; on a"
              + " cluster, a folder at the same path on every executor).")
  Path model;

  @Option(
      names = "--sample-fps",
      defaultValue = "2",
      paramLabel = "F",
      description = "Frames sampled per second of video (default: ${DEFAULT-VALUE}).")
  double sampleFps;

  /** The embedder id: the one asked for, else the corpus's, else descriptor. */
  public String embedderId(Path corpus) {
    return embedder != null ? embedder : Embedders.ofCorpus(corpus).orElse(DescriptorEmbedder.ID);
  }

  /**
   * The model folder of {@code id}: the one asked for, else the corpus's; null when none is needed.
   */
  public Path modelDir(Path corpus, String id) {
    return model != null || !Embedders.needsModel(id)
        ? model
        : ModelRecord.read(corpus).orElse(null);
  }

  /** Frames sampled per second, checked. */
  public double sampleFps() {
    if (!(sampleFps > 0 && sampleFps <= 60)) {
      throw new UserException("--sample-fps must be in (0, 60], got " + sampleFps);
    }
    return sampleFps;
  }
}
