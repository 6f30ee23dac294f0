package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.Progress;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Writes a synthetic data set in the released layout, realistic enough for the experiments to mean
 * something (see {@link SyntheticWorld} for the model and {@link SessionSimulator} for the
 * simulated VA sessions). The same configuration gives the same bytes in every file.
 *
 * <p>Besides the released files it writes {@code generator.json}: the configuration and each
 * label's hidden {@link LabelSpec} (true positive rate, zero-shot strength, annotator noise), and
 * {@code truth.csv}: every shot's latent truth per label ({@link TruthTable}).
 */
public final class SyntheticVaGenerator {
  public static final int DEFAULT_SHOTS = 20_000;
  public static final int DEFAULT_DIM = 64;
  public static final int DEFAULT_LABEL_COUNT = 8;
  public static final int MIN_SHOTS = 100;

  /** Size of each cmp list in the release; smaller data sets get a tenth of their shots. */
  public static final int CMP_SIZE = 1000;

  public static final String TRUTH_FILE = "generator.json";

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticVaGenerator.class);
  private static final long S_CMP = 200;

  /** What to generate. Labels are names (hyphens allowed), unique, in output order. */
  public record Config(long seed, int shots, int dim, List<String> labels) {
    public Config {
      if (shots < MIN_SHOTS) {
        throw new UserException("--shots must be at least " + MIN_SHOTS + ", got " + shots);
      }
      if (dim < 2) {
        throw new UserException("--dim must be at least 2, got " + dim);
      }
      labels = List.copyOf(labels);
      if (labels.isEmpty()) {
        throw new UserException("no labels; give --labels a,b or --label-count K");
      }
      if (new HashSet<>(labels).size() != labels.size()) {
        throw new UserException("--labels lists a label twice: " + labels);
      }
      for (String label : labels) {
        if (!label.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*")) {
          throw new UserException(
              "label '"
                  + label
                  + "' is not a valid file name; use letters,"
                  + " digits, '-', '_' or '.', starting with a letter or digit");
        }
      }
    }

    /** {@code count} real label names from the released ontology, mixing label groups. */
    public static List<String> defaultLabels(int count) {
      if (count < 1 || count > Ontology.size()) {
        throw new UserException("--label-count must be 1.." + Ontology.size() + ", got " + count);
      }
      return Ontology.defaultLabels(count);
    }
  }

  /** What was written. */
  public record Result(Path dir, List<LabelSpec> labels, long millis) {}

  private final Config config;

  public SyntheticVaGenerator(Config config) {
    this.config = config;
  }

  /** Generates into {@code out}, which must not exist or be empty. */
  public Result generate(Path out) {
    requireEmpty(out);
    long started = System.nanoTime();
    SyntheticWorld world =
        new SyntheticWorld(config.seed(), config.shots(), config.dim(), config.labels());
    VaDatasetWriter writer = new VaDatasetWriter(out);
    writer.writeShots(world.shots());
    try (Progress progress = Progress.start("embeddings", config.shots(), "shots")) {
      writer.writeEmbeddings(
          config.shots(),
          config.dim(),
          (row, dst) -> {
            world.embedding(row, dst);
            progress.step();
          });
    }
    writer.writeTextEmbeddings(world.textEmbeddings());
    writer.writeQueries(queries(world));
    try (FloatMatrix embeddings = EmbeddingsFile.open(out.resolve(VaDataset.EMBEDDINGS));
        Progress progress = Progress.start("labels", config.labels().size(), "labels")) {
      SessionSimulator sessions = new SessionSimulator(world, embeddings, config.seed());
      for (int j = 0; j < config.labels().size(); j++) {
        writeLabel(writer, world, embeddings, sessions, j);
        progress.step();
      }
    }
    writeTruth(out.resolve(TRUTH_FILE), world);
    truthTable(world).write(out.resolve(TruthTable.FILE));
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Result(out, world.specs(), millis);
  }

  private void writeLabel(
      VaDatasetWriter writer,
      SyntheticWorld world,
      FloatMatrix embeddings,
      SessionSimulator sessions,
      int j) {
    String name = config.labels().get(j);
    SessionSimulator.Session session = sessions.run(j);
    List<AggEntry> agg = new ArrayList<>();
    for (int row : session.rows()) {
      SyntheticWorld.Annotation a = world.annotate(j, row);
      List<Boolean> secondaries = new ArrayList<>();
      for (int k = 1; k < a.answers().length; k++) {
        secondaries.add(a.answers()[k]);
      }
      agg.add(new AggEntry(world.key(row), a.primary(), secondaries, a.majority(), a.posCnt()));
    }
    writer.writeAgg(name, agg);
    writer.writeCheckpoints(name, session.checkpoints());
    int size = Math.min(CMP_SIZE, config.shots() / 10);
    int[] zeroShot = Ranking.descending(Ranking.dotAll(embeddings, world.textVector(j)));
    writer.writeCmp(
        name,
        new CmpSet(
            annotated(world, j, randomRows(j, size)),
            annotated(world, j, Arrays.copyOf(zeroShot, size))));
    LOG.info(
        "label {}: {} agg shots ({} positive), {} checkpoints",
        name,
        agg.size(),
        agg.stream().filter(AggEntry::agg).count(),
        session.checkpoints().size());
  }

  private int[] randomRows(int label, int size) {
    SplittableRandom rng = Seeds.rng(config.seed(), S_CMP, label);
    int[] rows = new int[config.shots()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int other = rng.nextInt(i, rows.length);
      int tmp = rows[i];
      rows[i] = rows[other];
      rows[other] = tmp;
    }
    return Arrays.copyOf(rows, size);
  }

  private static List<KeyValue> annotated(SyntheticWorld world, int label, int[] rows) {
    List<KeyValue> out = new ArrayList<>(rows.length);
    for (int row : rows) {
      out.add(new KeyValue(world.key(row), world.annotate(label, row).majority()));
    }
    return out;
  }

  /** {@code {label: [queries]}}: the label name and its ontology keywords, as typed searches. */
  private static ObjectNode queries(SyntheticWorld world) {
    ObjectNode root = Json.mapper().createObjectNode();
    for (LabelSpec spec : world.specs()) {
      ArrayNode list = root.putArray(spec.name());
      list.add(spec.name().replace('-', ' '));
      Ontology.label(spec.name()).keywords().forEach(list::add);
    }
    return root;
  }

  /** Every shot's latent truth per label, for {@code truth.csv}. */
  private static TruthTable truthTable(SyntheticWorld world) {
    List<String> keys = new ArrayList<>(world.shotCount());
    List<BitSet> positives = new ArrayList<>();
    for (int i = 0; i < world.shotCount(); i++) {
      keys.add(world.key(i));
    }
    for (int j = 0; j < world.specs().size(); j++) {
      BitSet yes = new BitSet(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        yes.set(i, world.truth(j, i));
      }
      positives.add(yes);
    }
    return new TruthTable(world.specs().stream().map(LabelSpec::name).toList(), keys, positives);
  }

  private void writeTruth(Path file, SyntheticWorld world) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("generator", getClass().getSimpleName())
        .put("seed", config.seed())
        .put("shots", config.shots())
        .put("dim", config.dim())
        .put("annotators", SyntheticWorld.ANNOTATORS)
        .put("clusters", SyntheticWorld.CLUSTERS);
    ArrayNode labels = root.putArray("labels");
    for (LabelSpec s : world.specs()) {
      labels
          .addObject()
          .put("name", s.name())
          .put("positive_rate", s.positiveRate())
          .put("zero_shot", s.zeroShot())
          .put("text_alignment", s.textAlignment())
          .put("query_alignment", s.queryAlignment())
          .put("annotator_noise", s.annotatorNoise())
          .put("agg_target", s.aggTarget());
    }
    try {
      Files.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UserException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }

  private static void requireEmpty(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new UserException(out + ": exists and is not a folder; choose a new --out folder");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw new UserException(
            out
                + ": folder is not empty; choose a new --out folder or"
                + " delete this one (generating into it could mix in stale label files)");
      }
    } catch (IOException e) {
      throw new UserException(out + ": cannot list (" + e.getMessage() + ")", e);
    }
  }
}
