package org.videoannotator.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.Progress;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.datasets.Shot;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.index.store.StoreSpec;

/**
 * Builds (or extends) a corpus from a data set in the released Video Annotator layout: every shot
 * with its embedding, and each label's text embedding as a named query. Re-running it on the same
 * data skips the shots already present, so an interrupted import resumes where it stopped.
 */
public final class VaImport {
  /** The embedder recorded for the released embeddings (CLIP4Clip-style, from the release). */
  public static final EmbedderInfo RELEASED = EmbedderInfo.of("va-released-clip4clip", "released");

  private VaImport() {}

  /** What an import did. */
  public record Summary(
      int shots, int appended, int skipped, int namedQueries, int corpusSize, int segments) {}

  /**
   * Imports {@code dataset} into the corpus at {@code corpusDir} (created when absent, with the
   * store {@code store}; null: lucene, or the existing corpus's), appending {@code batchSize} shots
   * per durable commit, then merging the index into one segment when {@code optimize}.
   */
  public static Summary run(
      VaDataset dataset, Path corpusDir, int batchSize, boolean optimize, StoreSpec store) {
    return run(dataset, corpusDir, batchSize, optimize, store, Map.of());
  }

  /**
   * Like {@link #run(VaDataset, Path, int, boolean, StoreSpec)}, with the store settings of this
   * import.
   */
  public static Summary run(
      VaDataset dataset,
      Path corpusDir,
      int batchSize,
      boolean optimize,
      StoreSpec store,
      Map<String, String> storeSettings) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    KeyedMatrix embeddings = dataset.embeddings();
    List<Shot> shots = dataset.shots();
    int appended = 0;
    int skipped = 0;
    CorpusOptions options =
        CorpusOptions.openOrCreate(RELEASED, embeddings.dim())
            .withStore(store)
            .withStoreSettings(storeSettings);
    try (Corpus corpus = Corpus.open(corpusDir, options);
        Progress progress = Progress.start("import", shots.size(), "shots")) {
      for (int start = 0; start < shots.size(); start += batchSize) {
        int end = Math.min(shots.size(), start + batchSize);
        List<ClipVector> batch = new ArrayList<>(end - start);
        for (int row = start; row < end; row++) {
          batch.add(new ClipVector(clipOf(shots.get(row)), embeddings.matrix().row(row)));
        }
        AppendResult result = corpus.appendOrSkip(batch);
        appended += result.appended();
        skipped += result.skipped().size();
        progress.stepBy(end - start);
      }
      Map<String, float[]> queries = dataset.textEmbeddings();
      if (!queries.isEmpty()) {
        corpus.putNamedQueries(queries);
      }
      if (optimize && appended > 0) {
        progress.extraMessage("merging index");
        corpus.optimize();
      }
      return new Summary(
          shots.size(),
          appended,
          skipped,
          queries.size(),
          corpus.size(),
          corpus.storeStats().segments());
    }
  }

  /**
   * The released shot as a clip: {@code yt_id} is the video (else the key up to '|'), {@code desc}
   * the searchable text, {@code cluster_index} the cluster; genre and extra columns go to extra.
   */
  public static Clip clipOf(Shot shot) {
    String video = shot.ytId();
    if (video == null || video.isEmpty()) {
      int bar = shot.key().indexOf('|');
      video = bar > 0 ? shot.key().substring(0, bar) : shot.key();
    }
    double start = Double.isFinite(shot.start()) && shot.start() >= 0 ? shot.start() : 0;
    double end = Double.isFinite(shot.end()) && shot.end() >= start ? shot.end() : start;
    double fps = Double.isFinite(shot.fps()) && shot.fps() >= 0 ? shot.fps() : 0;
    int frameIn = shot.frameIn() >= 0 ? Math.toIntExact(shot.frameIn()) : -1;
    int frameOut =
        frameIn >= 0 && shot.frameOut() >= frameIn ? Math.toIntExact(shot.frameOut()) : -1;
    if (frameIn >= 0 && frameOut < 0) {
      frameOut = frameIn;
    }
    Map<String, String> extra = new HashMap<>(shot.extra());
    if (shot.genre() != null && !shot.genre().isEmpty()) {
      extra.put("genre", shot.genre());
    }
    return new Clip(
        shot.key(),
        video,
        "",
        "",
        start,
        end,
        frameIn,
        frameOut,
        fps,
        shot.clusterIndex(),
        shot.desc() == null ? "" : shot.desc(),
        extra);
  }
}
