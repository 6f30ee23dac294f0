package org.videoannotator.spark.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.Embedders;

/**
 * The embedders of this JVM, one per (id, model folder), made at first use and kept until the JVM
 * ends: an executor loads a DJL model once and shares it with every task it runs (embedders are
 * thread-safe), instead of once per task.
 */
final class ExecutorEmbedders {
  private static final Map<String, Embedder> LOADED = new ConcurrentHashMap<>();

  private ExecutorEmbedders() {}

  static Embedder get(String id, String modelDir) {
    return LOADED.computeIfAbsent(
        id + "\n" + (modelDir == null ? "" : modelDir),
        k -> Embedders.create(id, modelDir == null ? null : Path.of(modelDir)));
  }

  /** How many embedders this JVM has loaded (tests check that tasks share them). */
  static int loaded() {
    return LOADED.size();
  }
}
