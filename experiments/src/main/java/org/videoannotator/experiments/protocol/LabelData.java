package org.videoannotator.experiments.protocol;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.videoannotator.datasets.Checkpoint;
import org.videoannotator.datasets.CmpSet;
import org.videoannotator.learn.LabelledSet;

/**
 * Everything the protocol reads about one label, loaded up front so the parallel work never touches
 * files.
 *
 * @param agg the VA-annotated set, by its aggregate answer
 * @param cmp the annotated random and zero-shot lists, if the label has them
 * @param checkpoints the expert's successive training sets as stored (validation keys included)
 * @param textEmbedding the label name's text embedding in double precision, if any
 */
public record LabelData(
    String label,
    LabelledSet agg,
    Optional<CmpSet> cmp,
    List<Checkpoint> checkpoints,
    Optional<double[]> textEmbedding) {
  public LabelData {
    checkpoints = List.copyOf(checkpoints);
  }

  /** Checkpoint {@code index} as a labelled set; an empty checkpoint is an error. */
  public LabelledSet checkpointSet(int index) {
    Checkpoint c = checkpoints.get(index);
    return new LabelledSet(label, Set.copyOf(c.pos()), Set.copyOf(c.neg()));
  }
}
