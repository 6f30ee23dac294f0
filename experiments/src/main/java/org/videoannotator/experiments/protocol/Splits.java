package org.videoannotator.experiments.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.ValidationSplit;

/** The protocol's validation split of each label's agg set, as sorted key lists. */
public final class Splits {
  private Splits() {}

  /**
   * For each label, its validation keys (positives and negatives together) sorted by code point. A
   * label whose split has no positive on a side is still listed: the split is a pure function of
   * the keys.
   */
  public static Map<String, List<String>> validationKeys(
      ReplayData data, List<String> labels, int seed) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String label : labels) {
      List<String> keys = new ArrayList<>();
      for (String key : data.aggSet(label).orderedKeys()) {
        if (ValidationSplit.isValidation(key, seed)) {
          keys.add(key);
        }
      }
      keys.sort(LabelledSet::compareCodePoints);
      out.put(label, keys);
    }
    return out;
  }
}
