package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.core.vectors.KeyedMatrix;

/**
 * A folder in the released Video Annotator layout, opened read-only.
 *
 * <p>{@link #open} reads and checks {@code shot-data.csv}, memory-maps {@code embeddings.h5} (row
 * {@code i} belongs to CSV row {@code i}; no heap copy for contiguous float32 data), scans the
 * embeddings once for NaN/Inf, and reads {@code text-embeddings.json} and {@code queries.json}.
 * Label files are read on first use and cached; each is checked when read (unknown keys, a key in
 * both pos and neg, duplicates). Every problem is a one-line {@link UserException} that names the
 * file, the line or key, and what is wrong.
 *
 * <p>Thread-safe. Close it to unmap the embeddings; do not use {@link #embeddings()} after that.
 */
public final class VaDataset implements AutoCloseable {
  public static final String SHOT_DATA = "shot-data.csv";
  public static final String EMBEDDINGS = "embeddings.h5";
  public static final String TEXT_EMBEDDINGS = "text-embeddings.json";
  public static final String QUERIES = "queries.json";
  public static final String AGG_DIR = "agg";
  public static final String CMP_DIR = "cmp";
  public static final String CHECKPOINTS_DIR = "checkpoints";
  public static final String AVE_VALIDATION_DIR = "ave/validation";

  private static final Logger LOG = LoggerFactory.getLogger(VaDataset.class);

  private final Path dir;
  private final List<Shot> shots;
  private final KeyedMatrix embeddings;
  private final Map<String, double[]> textEmbeddings;
  private final JsonNode queries;
  private final List<String> labels;
  private final LabelFiles labelFiles;
  private final Map<String, List<AggEntry>> agg = new ConcurrentHashMap<>();
  private final Map<String, Optional<CmpSet>> cmp = new ConcurrentHashMap<>();
  private final Map<String, Optional<List<Checkpoint>>> checkpoints = new ConcurrentHashMap<>();
  private final Map<String, Optional<ValidationSet>> validation = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private VaDataset(
      Path dir,
      List<Shot> shots,
      KeyedMatrix embeddings,
      Map<String, double[]> textEmbeddings,
      JsonNode queries,
      List<String> labels) {
    this.dir = dir;
    this.shots = shots;
    this.embeddings = embeddings;
    this.textEmbeddings = textEmbeddings;
    this.queries = queries;
    this.labels = labels;
    this.labelFiles = new LabelFiles(embeddings.keys());
  }

  /** Opens and checks the data set in {@code dir}. */
  public static VaDataset open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserException(
          dir + ": not a folder; give the folder that holds " + SHOT_DATA + " and " + EMBEDDINGS);
    }
    long started = System.nanoTime();
    Path h5 = dir.resolve(EMBEDDINGS);
    // The embeddings are mapped and checked (a pass over every value) on a thread of their own
    // while this one parses the CSV; a problem in the CSV is still the one reported first.
    FutureTask<CheckedMatrix> check = new FutureTask<>(() -> checked(h5));
    Thread.ofPlatform().name("va-embeddings-check").daemon(true).start(check);
    ShotTable table;
    try {
      table = ShotTable.read(dir.resolve(SHOT_DATA));
    } catch (RuntimeException e) {
      closeWhenChecked(check);
      throw e;
    }
    CheckedMatrix checked = join(check);
    FloatMatrix matrix = checked.matrix();
    try {
      if (matrix.rows() != table.shots().size()) {
        throw new UserException(
            h5
                + ": dataset '"
                + EmbeddingsFile.DATASET
                + "' has "
                + matrix.rows()
                + " rows, but "
                + SHOT_DATA
                + " has "
                + table.shots().size()
                + " shots; row i of the embeddings must belong to CSV row i");
      }
      int bad = checked.firstNonFiniteRow();
      if (bad >= 0) {
        throw new UserException(
            h5
                + ": row "
                + bad
                + " (key '"
                + table.keys().key(bad)
                + "') holds NaN or infinite values; recompute that shot's embedding");
      }
      Map<String, double[]> text = TextEmbeddings.read(dir.resolve(TEXT_EMBEDDINGS), matrix.dim());
      Path queriesFile = dir.resolve(QUERIES);
      JsonNode queries = Files.isRegularFile(queriesFile) ? JsonFiles.read(queriesFile) : null;
      VaDataset dataset =
          new VaDataset(
              dir,
              table.shots(),
              new KeyedMatrix(table.keys(), matrix),
              text,
              queries,
              listLabels(dir));
      LOG.info(
          "Opened {}: {} shots x {} dims ({}), {} labels in {} ms",
          dir,
          matrix.rows(),
          matrix.dim(),
          matrix,
          dataset.labels.size(),
          (System.nanoTime() - started) / 1_000_000);
      return dataset;
    } catch (RuntimeException e) {
      matrix.close();
      throw e;
    }
  }

  /** The mapped embeddings and their first row holding NaN or an infinity (-1: none). */
  private record CheckedMatrix(FloatMatrix matrix, int firstNonFiniteRow) {}

  private static CheckedMatrix checked(Path h5) {
    FloatMatrix matrix = EmbeddingsFile.open(h5);
    try {
      return new CheckedMatrix(matrix, EmbeddingsFile.firstNonFiniteRow(matrix));
    } catch (RuntimeException e) {
      matrix.close();
      throw e;
    }
  }

  /** The check's result; its failure (say a missing or malformed file) is rethrown as it was. */
  private static CheckedMatrix join(FutureTask<CheckedMatrix> check) {
    try {
      return check.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the embeddings", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Unmaps the embeddings once their check ends, when the CSV's error is the one to report. */
  private static void closeWhenChecked(FutureTask<CheckedMatrix> check) {
    try {
      join(check).matrix().close();
    } catch (RuntimeException ignored) {
      // the embeddings' own problem matters less than the CSV's, which is thrown
    }
  }

  private static List<String> listLabels(Path dir) {
    TreeSet<String> labels = new TreeSet<>();
    for (String sub : List.of(AGG_DIR, CMP_DIR, CHECKPOINTS_DIR, AVE_VALIDATION_DIR)) {
      Path folder = dir.resolve(sub);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(name -> name.endsWith(".json") && !name.startsWith("."))
            .forEach(name -> labels.add(name.substring(0, name.length() - ".json".length())));
      } catch (IOException e) {
        throw new UserException(folder + ": cannot list (" + e.getMessage() + ")", e);
      }
    }
    return List.copyOf(labels);
  }

  public Path dir() {
    return dir;
  }

  /** All shots in {@code shot-data.csv} row order (unmodifiable). */
  public List<Shot> shots() {
    return shots;
  }

  /** The shot keys in row order, with key-to-row lookup. */
  public KeyIndex keys() {
    return embeddings.keys();
  }

  /**
   * The shot embeddings, row {@code i} = CSV row {@code i}, keyed by shot key. Owned by this data
   * set: do not close it, and do not use it after {@link #close()}.
   */
  public KeyedMatrix embeddings() {
    return embeddings;
  }

  /** Text embedding of each label name, sorted by label (copies; same dim as the embeddings). */
  public Map<String, float[]> textEmbeddings() {
    Map<String, float[]> copy = new LinkedHashMap<>();
    textEmbeddings.forEach((label, v) -> copy.put(label, TextEmbeddings.toFloat(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** The text embedding of {@code label}, if {@code text-embeddings.json} has one (a copy). */
  public Optional<float[]> textEmbedding(String label) {
    return Optional.ofNullable(textEmbeddings.get(label)).map(TextEmbeddings::toFloat);
  }

  /**
   * The text embedding of {@code label} as the JSON numbers read in double precision (a copy): the
   * reference computes its cosine similarities in float64 from them.
   */
  public Optional<double[]> textEmbeddingAsRead(String label) {
    return Optional.ofNullable(textEmbeddings.get(label)).map(double[]::clone);
  }

  /** {@code queries.json} as a JSON tree (a copy), if the folder has it. */
  public Optional<JsonNode> queries() {
    return Optional.ofNullable(queries).map(JsonNode::deepCopy);
  }

  /** Sorted union of the label names that have a file in agg/, cmp/, checkpoints/ or ave/. */
  public List<String> labels() {
    return labels;
  }

  /** Whether {@code label} has a VA-annotated set ({@code agg/{label}.json}). */
  public boolean hasAgg(String label) {
    return Files.isRegularFile(labelFile(AGG_DIR, label));
  }

  /** The VA-annotated set of {@code label}, in file order; a missing file is an error. */
  public List<AggEntry> agg(String label) {
    return agg.computeIfAbsent(
        label,
        l -> {
          Path file = labelFile(AGG_DIR, l);
          if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": file not found; labels in this data set: " + labels);
          }
          return labelFiles.agg(file);
        });
  }

  /** The random and zero-shot comparison sets of {@code label}, if it has a cmp file. */
  public Optional<CmpSet> cmp(String label) {
    return cached(cmp, CMP_DIR, label, labelFiles::cmp);
  }

  /** The expert's successive training sets for {@code label}, if it has a checkpoints file. */
  public Optional<List<Checkpoint>> checkpoints(String label) {
    return cached(checkpoints, CHECKPOINTS_DIR, label, labelFiles::checkpoints);
  }

  /** The extra validation set of {@code label}, if {@code ave/validation/} has one. */
  public Optional<ValidationSet> aveValidation(String label) {
    return cached(validation, AVE_VALIDATION_DIR, label, labelFiles::validation);
  }

  private <T> Optional<T> cached(
      Map<String, Optional<T>> cache, String sub, String label, Function<Path, T> parse) {
    return cache.computeIfAbsent(
        label,
        l -> {
          Path file = labelFile(sub, l);
          return Files.isRegularFile(file) ? Optional.of(parse.apply(file)) : Optional.empty();
        });
  }

  private Path labelFile(String sub, String label) {
    if (label.isEmpty() || label.contains("/") || label.contains("\\") || label.startsWith(".")) {
      throw new UserException("'" + label + "' is not a label name (no slashes, not empty)");
    }
    return dir.resolve(sub).resolve(label + ".json");
  }

  /** Every key any label file of {@code label} mentions (agg, cmp, checkpoints, validation). */
  public List<String> annotatedKeys(String label) {
    List<String> keys = new ArrayList<>();
    if (hasAgg(label)) {
      agg(label).forEach(e -> keys.add(e.key()));
    }
    cmp(label)
        .ifPresent(
            c ->
                Stream.concat(c.random().stream(), c.zeroShot().stream())
                    .forEach(kv -> keys.add(kv.key())));
    checkpoints(label)
        .ifPresent(
            cs ->
                cs.forEach(
                    c -> {
                      keys.addAll(c.pos());
                      keys.addAll(c.neg());
                    }));
    aveValidation(label)
        .ifPresent(
            v -> {
              keys.addAll(v.pos());
              keys.addAll(v.neg());
            });
    return keys.stream().distinct().toList();
  }

  /** Unmaps the embeddings; closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      embeddings.close();
    }
  }

  @Override
  public String toString() {
    return "VaDataset["
        + dir
        + ", "
        + shots.size()
        + " shots x "
        + embeddings.dim()
        + ", "
        + labels.size()
        + " labels]";
  }
}
