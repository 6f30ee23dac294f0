package org.videoannotator.index.lucene;

import java.util.Set;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.StoreSpec;

/**
 * The {@code lucene} store's settings, parsed from its {@link StoreSpec}: what the graph holds
 * ({@code quantization}, {@code graph}, recorded in the manifest when given at creation) and how
 * segments written from now on are built ({@code m}, {@code beam-width}, {@code merge-workers},
 * {@code ram-buffer-mb}; Lucene records nothing of them that readers need, so they may differ per
 * opening).
 *
 * @param int8 {@code quantization=int8}: a 7-bit scalar-quantized graph (candidates are still
 *     re-scored on the exact vectors); {@code none} (default): float32
 * @param graph {@code graph=hnsw} (default); {@code none}: no vectors in the store, for corpora the
 *     int8 scan serves alone
 * @param m max neighbours per HNSW node (Lucene's maxConn)
 * @param beamWidth candidates kept while inserting a node (Lucene's beamWidth / efConstruction)
 * @param mergeWorkers threads that build graphs of large batches and merges (1 = the calling
 *     thread)
 * @param ramBufferMb indexing buffer before Lucene flushes a segment
 */
public record LuceneStoreSettings(
    boolean int8, boolean graph, int m, int beamWidth, int mergeWorkers, double ramBufferMb) {
  public static final String QUANTIZATION = "quantization";
  public static final String GRAPH = "graph";
  public static final String M = "m";
  public static final String BEAM_WIDTH = "beam-width";
  public static final String MERGE_WORKERS = "merge-workers";
  public static final String RAM_BUFFER_MB = "ram-buffer-mb";

  /** Chosen by {@code va bench index}: see va-index/bench/RESULTS.md for the measured grid. */
  public static final int DEFAULT_M = 16;

  /** Chosen by {@code va bench index}: see va-index/bench/RESULTS.md for the measured grid. */
  public static final int DEFAULT_BEAM_WIDTH = 100;

  static final int DEFAULT_MERGE_WORKERS = 2;
  static final double DEFAULT_RAM_BUFFER_MB = 256;

  private static final Set<String> KNOWN =
      Set.of(QUANTIZATION, GRAPH, M, BEAM_WIDTH, MERGE_WORKERS, RAM_BUFFER_MB);

  /** The settings of {@code spec}; an unknown key or a bad value is a user error naming it. */
  public static LuceneStoreSettings parse(StoreSpec spec) {
    for (String key : spec.params().keySet()) {
      if (!KNOWN.contains(key)) {
        throw new UserException(
            "the lucene store has no setting '"
                + key
                + "'; it knows "
                + QUANTIZATION
                + "=none|int8, "
                + GRAPH
                + "=hnsw|none, "
                + M
                + ", "
                + BEAM_WIDTH
                + ", "
                + MERGE_WORKERS
                + " and "
                + RAM_BUFFER_MB);
      }
    }
    return new LuceneStoreSettings(
        oneOf(spec, QUANTIZATION, "none", "int8").equals("int8"),
        oneOf(spec, GRAPH, "hnsw", "none").equals("hnsw"),
        whole(spec, M, DEFAULT_M, 2, Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN),
        whole(
            spec, BEAM_WIDTH, DEFAULT_BEAM_WIDTH, 1, Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH),
        whole(spec, MERGE_WORKERS, DEFAULT_MERGE_WORKERS, 1, 1024),
        whole(spec, RAM_BUFFER_MB, (int) DEFAULT_RAM_BUFFER_MB, 1, 1 << 20));
  }

  /**
   * The value of {@code key}: {@code fallback} (the first choice) when absent, else one of the
   * choices.
   */
  private static String oneOf(StoreSpec spec, String key, String fallback, String other) {
    String value = spec.param(key, fallback);
    if (!value.equals(fallback) && !value.equals(other)) {
      throw new UserException(
          "lucene store setting "
              + key
              + "="
              + value
              + " is not one of "
              + fallback
              + ", "
              + other);
    }
    return value;
  }

  private static int whole(StoreSpec spec, String key, int fallback, int min, int max) {
    String text = spec.param(key, Integer.toString(fallback));
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UserException(
        "lucene store setting "
            + key
            + "="
            + text
            + " must be a whole number in "
            + min
            + ".."
            + max);
  }
}
