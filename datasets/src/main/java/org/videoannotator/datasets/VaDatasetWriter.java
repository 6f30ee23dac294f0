package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvWriter;
import org.videoannotator.core.hdf5.Hdf5MatrixWriter;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Writes a folder in the released layout that {@link VaDataset#open} reads back. Output is
 * deterministic: the same inputs give the same bytes (JSON keys in insertion order, {@code \n} line
 * ends, no timestamps). Each method writes one file, replacing it if present.
 */
public final class VaDatasetWriter {
  private static final ObjectWriter JSON = Json.mapper().writer();

  private final Path dir;

  /** A writer into {@code dir}, created if needed. */
  public VaDatasetWriter(Path dir) {
    this.dir = dir;
    createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Writes {@code shot-data.csv}: the release's columns (empty cell for an absent value: null text,
   * negative frame or cluster, NaN time), then every {@code extra} column in first-seen order.
   */
  public void writeShots(List<Shot> shots) {
    Set<String> extraColumns = new LinkedHashSet<>();
    shots.forEach(s -> extraColumns.addAll(s.extra().keySet()));
    List<String> header = new ArrayList<>(ShotTable.KNOWN_COLUMNS);
    header.addAll(extraColumns);
    try (Writer out =
        Files.newBufferedWriter(dir.resolve(VaDataset.SHOT_DATA), StandardCharsets.UTF_8)) {
      CsvWriter csv = new CsvWriter(out);
      csv.write(header);
      for (Shot s : shots) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    s.key(),
                    text(s.ytId()),
                    text(s.desc()),
                    text(s.genre()),
                    integer(s.frameIn()),
                    integer(s.frameOut()),
                    real(s.start()),
                    real(s.end()),
                    real(s.fps()),
                    integer(s.clusterIndex())));
        for (String column : extraColumns) {
          row.add(s.extra().getOrDefault(column, ""));
        }
        csv.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir.resolve(VaDataset.SHOT_DATA) + ": write failed", e);
    }
  }

  /** Writes {@code embeddings.h5} from a matrix. */
  public void writeEmbeddings(FloatMatrix matrix) {
    writeEmbeddings(matrix.rows(), matrix.dim(), matrix::copyRow);
  }

  /**
   * Writes {@code embeddings.h5} with a contiguous float32 dataset {@code embeddings} of shape
   * {@code [rows, dim]}, asking {@code source} for one row at a time (never the whole matrix).
   */
  public void writeEmbeddings(int rows, int dim, Hdf5MatrixWriter.RowSource source) {
    Hdf5MatrixWriter.write(
        dir.resolve(VaDataset.EMBEDDINGS), EmbeddingsFile.DATASET, rows, dim, source);
  }

  /** Writes {@code text-embeddings.json}: {@code {label: [floats]}} in the map's order. */
  public void writeTextEmbeddings(Map<String, float[]> byLabel) {
    ObjectNode root = Json.mapper().createObjectNode();
    byLabel.forEach(
        (label, vector) -> {
          ArrayNode values = root.putArray(label);
          for (float v : vector) {
            values.add(v);
          }
        });
    writeJson(dir.resolve(VaDataset.TEXT_EMBEDDINGS), root);
  }

  public void writeQueries(JsonNode queries) {
    writeJson(dir.resolve(VaDataset.QUERIES), queries);
  }

  /**
   * Writes {@code agg/{label}.json} in the release's shape: the annotators' names at the top
   * ({@code "primary": "A", "secondaries": ["B", "C"]}), then {@code "data": [{key, primary,
   * secondaries: {"B": answer, "C": answer}, agg, pos_cnt}, ...]}. Annotators are named A, B, C...
   * in the order of {@link AggEntry#secondaries()}, after the primary.
   */
  public void writeAgg(String label, List<AggEntry> entries) {
    int secondaryCount = entries.stream().mapToInt(e -> e.secondaries().size()).max().orElse(0);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= secondaryCount; i++) {
      names.add(annotator(i));
    }
    writeAgg(label, annotator(0), names, entries);
  }

  /**
   * The same with the annotators' own names: each entry's secondaries are in the order of {@code
   * secondaryNames}, null where that annotator gave no answer on the shot (left out of the shot's
   * {@code secondaries} object, as the release leaves out annotators who did not see a shot).
   */
  public void writeAgg(
      String label, String primaryName, List<String> secondaryNames, List<AggEntry> entries) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("primary", primaryName);
    ArrayNode names = root.putArray("secondaries");
    secondaryNames.forEach(names::add);
    ArrayNode data = root.putArray("data");
    for (AggEntry e : entries) {
      ObjectNode item = data.addObject().put("key", e.key());
      if (e.primary() != null) {
        item.put("primary", e.primary());
      }
      ObjectNode secondaries = item.putObject("secondaries");
      for (int i = 0; i < e.secondaries().size(); i++) {
        if (e.secondaries().get(i) != null) {
          secondaries.put(secondaryNames.get(i), e.secondaries().get(i));
        }
      }
      item.put("agg", e.agg()).put("pos_cnt", e.posCnt());
    }
    writeJson(labelFile(VaDataset.AGG_DIR, label), root);
  }

  /** Annotator names as the release has them: A, B, C, ... Z, then A1, B1, ... */
  private static String annotator(int index) {
    char letter = (char) ('A' + index % 26);
    return index < 26 ? String.valueOf(letter) : letter + Integer.toString(index / 26);
  }

  /** Writes {@code cmp/{label}.json} as {@code {"random": [{key, value}], "zero_shot": [...]}}. */
  public void writeCmp(String label, CmpSet cmp) {
    ObjectNode root = Json.mapper().createObjectNode();
    keyValues(root.putArray("random"), cmp.random());
    keyValues(root.putArray("zero_shot"), cmp.zeroShot());
    writeJson(labelFile(VaDataset.CMP_DIR, label), root);
  }

  /** Writes {@code checkpoints/{label}.json} as {@code [{"pos": [keys], "neg": [keys]}, ...]}. */
  public void writeCheckpoints(String label, List<Checkpoint> checkpoints) {
    ArrayNode root = Json.mapper().createArrayNode();
    for (Checkpoint c : checkpoints) {
      ObjectNode item = root.addObject();
      c.pos().forEach(item.putArray("pos")::add);
      c.neg().forEach(item.putArray("neg")::add);
    }
    writeJson(labelFile(VaDataset.CHECKPOINTS_DIR, label), root);
  }

  /** Writes {@code ave/validation/{label}.json} as {@code {"pos": [keys], "neg": [keys]}}. */
  public void writeAveValidation(String label, ValidationSet set) {
    ObjectNode root = Json.mapper().createObjectNode();
    set.pos().forEach(root.putArray("pos")::add);
    set.neg().forEach(root.putArray("neg")::add);
    writeJson(labelFile(VaDataset.AVE_VALIDATION_DIR, label), root);
  }

  private static void keyValues(ArrayNode array, List<KeyValue> items) {
    items.forEach(kv -> array.addObject().put("key", kv.key()).put("value", kv.value()));
  }

  private Path labelFile(String sub, String label) {
    if (label.isEmpty() || label.contains("/") || label.contains("\\") || label.startsWith(".")) {
      throw new UserException("'" + label + "' cannot be a label file name (no slashes)");
    }
    Path folder = dir.resolve(sub);
    createDirectories(folder);
    return folder.resolve(label + ".json");
  }

  private static void writeJson(Path file, JsonNode node) {
    try {
      Files.write(file, JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": write failed", e);
    }
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UserException(folder + ": cannot create folder (" + e.getMessage() + ")", e);
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String integer(long v) {
    return v < 0 ? "" : Long.toString(v);
  }

  private static String real(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
