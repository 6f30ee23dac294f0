package org.videoannotator.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One shot of a label's VA-annotated set ({@code agg/{label}.json}).
 *
 * @param primary the primary annotator's answer (the expert who ran the VA session), or {@code
 *     null} when the file does not say
 * @param secondaries the other annotators' answers in file order (the release stores them as {@code
 *     {"A": true, "C": false}}; empty when the file does not say); an element is null where a
 *     writer's named annotator gave no answer on this shot
 * @param agg the aggregate (majority) answer: the training / validation target
 * @param posCnt how many annotators said yes (0..3 in the release)
 */
public record AggEntry(
    String key, Boolean primary, List<Boolean> secondaries, boolean agg, int posCnt) {
  public AggEntry {
    Objects.requireNonNull(key, "key");
    secondaries =
        secondaries == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(secondaries));
    if (posCnt < 0) {
      throw new IllegalArgumentException("negative pos_cnt " + posCnt + " for key '" + key + "'");
    }
  }
}
