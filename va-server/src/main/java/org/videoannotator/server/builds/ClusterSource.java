package org.videoannotator.server.builds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.learn.KMeans;

/**
 * The cluster of a clip for the data diversity score: the clip's own {@code cluster} metadata when
 * it has one (released data and generated corpora do); otherwise va-learn's seeded {@link KMeans}
 * (k = 10) over the corpus vectors, computed once and cached in the corpus folder as {@value
 * CorpusLayout#clusters()}; clips appended after the cache was made go to their nearest centroid.
 */
public final class ClusterSource {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSource.class);
  public static final long SEED = 0;

  /** The cached clustering: centroids and the cluster of the first {@code clusters.length} rows. */
  record Cached(float[][] centroids, int[] clusters) {}

  private final Corpus corpus;
  private Cached cached;

  public ClusterSource(Corpus corpus) {
    this.corpus = corpus;
  }

  public int clusterOf(String key) {
    int own = corpus.clip(key).map(c -> c.cluster()).orElse(-1);
    if (own >= 0) {
      return own;
    }
    int row = corpus.rowOf(key);
    if (row < 0) {
      return -1;
    }
    Cached c = kmeans();
    return row < c.clusters().length
        ? c.clusters()[row]
        : KMeans.nearest(c.centroids(), corpus.vectors().matrix().row(row));
  }

  private synchronized Cached kmeans() {
    if (cached != null) {
      return cached;
    }
    Path file = corpus.layout().clusters();
    try {
      if (Files.isRegularFile(file)) {
        cached = Json.mapper().readValue(file.toFile(), Cached.class);
        return cached;
      }
      KeyedMatrix vectors = corpus.vectors();
      long t = System.nanoTime();
      KMeans.Result result = KMeans.fit(vectors.matrix(), SEED);
      cached = new Cached(result.centroids(), result.clusters());
      AtomicFiles.replace(file, false, tmp -> Json.mapper().writeValue(tmp.toFile(), cached));
      LOG.info(
          "clustered {} clips without cluster metadata into {} k-means clusters in {} ms (cached in {})",
          vectors.size(),
          result.centroids().length,
          (System.nanoTime() - t) / 1_000_000,
          file);
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the cluster cache " + file, e);
    }
  }
}
