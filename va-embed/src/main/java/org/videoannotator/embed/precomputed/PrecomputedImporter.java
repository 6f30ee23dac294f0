package org.videoannotator.embed.precomputed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.Progress;
import org.videoannotator.core.UserException;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.EmbedderInfo;

/**
 * The {@code precomputed} embedder: vectors made elsewhere ({@code .npy}, {@code .h5}, {@code
 * .csv}) appended to a corpus with their clip metadata. Row {@code i} of an {@code .npy}/{@code
 * .h5} file belongs to clip {@code i} of the clips file; a CSV of vectors carries its keys and the
 * clips file (optional then) is matched by key. Appends in batches of {@value #BATCH}; keys already
 * in the corpus are skipped, so an interrupted import can be re-run.
 */
public final class PrecomputedImporter {
  public static final String ID = "precomputed";
  public static final String DEFAULT_DATASET = "embeddings";
  static final int BATCH = 5000;

  /** What an import did. */
  public record Result(int rows, int appended, int skipped) {}

  private PrecomputedImporter() {}

  /** The embedder info imported vectors are recorded under. */
  public static EmbedderInfo info(String id, String version) {
    return new EmbedderInfo(id, version, Map.of("imported", "true"));
  }

  /** The dimension of the vectors in {@code file}, without reading them all. */
  public static int dimension(Path file, String dataset) throws IOException {
    try (RowSource source = open(file, dataset)) {
      return source.dim();
    }
  }

  public static Result importInto(
      Corpus corpus, Path vectors, Optional<Path> clipsFile, String dataset) throws IOException {
    try (RowSource source = open(vectors, dataset)) {
      List<Clip> clips = clips(source, vectors, clipsFile);
      int appended = 0;
      int skipped = 0;
      try (Progress progress = Progress.start("import", source.rows(), "vectors")) {
        for (int from = 0; from < source.rows(); from += BATCH) {
          int count = Math.min(BATCH, source.rows() - from);
          float[][] rows = source.read(from, count);
          List<ClipVector> batch = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            batch.add(new ClipVector(clips.get(from + i), rows[i]));
          }
          AppendResult r = corpus.appendOrSkip(batch);
          appended += r.appended();
          skipped += r.skipped().size();
          progress.stepBy(count);
        }
      }
      return new Result(source.rows(), appended, skipped);
    }
  }

  private static List<Clip> clips(RowSource source, Path vectors, Optional<Path> clipsFile)
      throws IOException {
    Optional<List<String>> ownKeys = source.keys();
    if (clipsFile.isEmpty()) {
      return ownKeys
          .map(keys -> keys.stream().map(ClipTable::keyOnly).toList())
          .orElseThrow(
              () ->
                  new UserException(
                      vectors
                          + " holds no keys: pass --clips FILE (a CSV"
                          + " with a 'key' column, or a .txt with one key per line, in row order)"));
    }
    List<Clip> table = ClipTable.read(clipsFile.get());
    if (ownKeys.isPresent()) {
      Map<String, Clip> byKey = new HashMap<>();
      table.forEach(c -> byKey.put(c.key(), c));
      return ownKeys.get().stream().map(k -> byKey.getOrDefault(k, ClipTable.keyOnly(k))).toList();
    }
    if (table.size() != source.rows()) {
      throw new UserException(
          clipsFile.get()
              + " lists "
              + table.size()
              + " clips but "
              + vectors
              + " holds "
              + source.rows()
              + " vectors; they must match row for row");
    }
    return table;
  }

  static RowSource open(Path file, String dataset) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      return new NpyRows(file);
    }
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return new Hdf5Rows(file, dataset);
    }
    if (name.endsWith(".csv")) {
      return new CsvRows(file);
    }
    throw new UserException(
        file
            + ": unknown vector format; use .npy (float32/float64), .h5 or"
            + " .csv (key,v1,...,vd)");
  }
}
