package org.videoannotator.server.builds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.server.labels.LabelNames;

/**
 * Where model versions live: {@code models/<label folder>/v<N>.json} under the corpus folder (the
 * label's name escaped by {@link LabelNames#folderName}), and a cache of the loaded models.
 */
public final class ModelFiles {
  private final Path corpusDir;
  private final Map<Path, LinearModel> cache = new ConcurrentHashMap<>();

  public ModelFiles(Path corpusDir) {
    this.corpusDir = corpusDir;
  }

  /** Path relative to the corpus folder, as stored in the database. */
  public String relativePath(String label, int version) {
    return CorpusLayout.modelFile(LabelNames.folderName(label), version);
  }

  /** Saves {@code model} as version {@code version} of {@code label}; returns the relative path. */
  public String save(String label, int version, LinearModel model) throws IOException {
    String relative = relativePath(label, version);
    Path file = corpusDir.resolve(relative);
    Files.createDirectories(file.getParent());
    model.save(file);
    cache.put(file, model);
    return relative;
  }

  /** Loads (once) the model stored at {@code relative}. */
  public LinearModel load(String relative) {
    return cache.computeIfAbsent(corpusDir.resolve(relative), LinearModel::load);
  }
}
