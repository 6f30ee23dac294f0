package org.videoannotator.experiments.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.datasets.AggEntry;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.learn.LabelledSet;

/**
 * A released-layout data set opened for replay: the embeddings and, per label, its {@link
 * LabelData}. Text embeddings are used in double precision as read from the JSON, because the
 * reference computes cosine similarities in float64 from the JSON numbers. Close it to unmap the
 * embeddings.
 */
public final class ReplayData implements AutoCloseable {
  private final VaDataset dataset;

  private ReplayData(VaDataset dataset) {
    this.dataset = dataset;
  }

  public static ReplayData open(Path dir) {
    return new ReplayData(VaDataset.open(dir));
  }

  /** The label's text embedding in double precision, if any (a copy). */
  public Optional<double[]> textEmbedding(String label) {
    return dataset.textEmbeddingAsRead(label);
  }

  public KeyedMatrix embeddings() {
    return dataset.embeddings();
  }

  public Path dir() {
    return dataset.dir();
  }

  /** Labels that have an agg file, sorted. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (String label : dataset.labels()) {
      if (Files.isRegularFile(dataset.dir().resolve(VaDataset.AGG_DIR).resolve(label + ".json"))) {
        labels.add(label);
      }
    }
    return labels;
  }

  /**
   * Resolves a user's label list: null or empty means every label with an agg file; an unknown
   * label is a user error naming it and the known ones.
   */
  public List<String> resolveLabels(List<String> requested) {
    List<String> known = labels();
    if (requested == null || requested.isEmpty()) {
      return known;
    }
    for (String label : requested) {
      if (!known.contains(label)) {
        throw new UserException(
            "label '" + label + "' has no agg file in " + dir() + "; labels there: " + known);
      }
    }
    return List.copyOf(requested);
  }

  /** The VA-annotated set of {@code label} by aggregate answer (a key both ways is an error). */
  public LabelledSet aggSet(String label) {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    for (AggEntry e : dataset.agg(label)) {
      (e.agg() ? pos : neg).add(e.key());
    }
    try {
      return new LabelledSet(label, pos, neg);
    } catch (IllegalArgumentException e) {
      throw new UserException(
          dataset.dir().resolve(VaDataset.AGG_DIR).resolve(label + ".json") + ": " + e.getMessage(),
          e);
    }
  }

  /** Loads everything the protocol needs about {@code label}. */
  public LabelData label(String label) {
    return new LabelData(
        label,
        aggSet(label),
        dataset.cmp(label),
        dataset.checkpoints(label).orElse(List.of()),
        dataset.textEmbeddingAsRead(label));
  }

  @Override
  public void close() {
    dataset.close();
  }
}
