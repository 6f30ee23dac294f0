package org.videoannotator.experiments.exp2;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.datasets.KeyValue;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.NumpyRandomState;

/**
 * The growing training set of a decision process and the three ordered sources it draws from (the
 * reference's dataset manager). Validation keys never enter a source. Taking a batch from one
 * source removes its keys from all; a source that cannot fill a batch, or is emptied by it, is
 * exhausted. Mutable and not thread-safe; {@link #copy()} gives an independent state for trials.
 */
public final class SourceManager {
  /** Seed of the permutation that orders each checkpoint's keys (the reference's default). */
  static final int ORDER_SEED = 0;

  private final String label;
  private final Map<Source, OrderedSet> sources;
  private LabelledSet current;

  private SourceManager(String label, Map<Source, OrderedSet> sources, LabelledSet current) {
    this.label = label;
    this.sources = sources;
    this.current = current;
  }

  /**
   * @param agg the VA-annotated set (labels come from it)
   * @param validationKeys keys held out for validation
   * @param checkpoints the expert's successive training sets, in session order
   * @param cmpZeroShot the annotated zero-shot list in rank order
   * @param cmpRandom the annotated random list in draw order
   */
  public static SourceManager of(
      LabelledSet agg,
      Set<String> validationKeys,
      List<LabelledSet> checkpoints,
      List<KeyValue> cmpZeroShot,
      List<KeyValue> cmpRandom) {
    if (checkpoints.isEmpty()) {
      throw new IllegalArgumentException("label=" + agg.label() + " has no checkpoints");
    }
    Map<Source, OrderedSet> sources = new EnumMap<>(Source.class);
    sources.put(Source.AGG, aggOrder(agg, validationKeys, checkpoints));
    sources.put(Source.ZERO_SHOT, listOrder(agg.label(), cmpZeroShot, validationKeys));
    sources.put(Source.RANDOM, listOrder(agg.label(), cmpRandom, validationKeys));
    return new SourceManager(agg.label(), sources, null);
  }

  /**
   * VA's order: each checkpoint that grew beyond what is gathered so far appends its new keys, in a
   * seeded permutation of its sorted positives then negatives, labelled by the agg set.
   */
  private static OrderedSet aggOrder(
      LabelledSet agg, Set<String> validationKeys, List<LabelledSet> checkpoints) {
    OrderedSet order = checkpointOrder(agg, validationKeys, checkpoints.get(0));
    for (LabelledSet checkpoint : checkpoints.subList(1, checkpoints.size())) {
      if (checkpoint.size() > order.size()) {
        OrderedSet next = checkpointOrder(agg, validationKeys, checkpoint);
        order = order.plus(next.minus(order));
      }
    }
    return order;
  }

  private static OrderedSet checkpointOrder(
      LabelledSet agg, Set<String> validationKeys, LabelledSet checkpoint) {
    NumpyRandomState random = new NumpyRandomState(ORDER_SEED);
    List<String> keys = new ArrayList<>(random.permutation(checkpoint.sortedPositives()));
    keys.addAll(random.permutation(checkpoint.sortedNegatives()));
    List<String> pos = new ArrayList<>();
    List<String> neg = new ArrayList<>();
    for (String key : keys) {
      if (validationKeys.contains(key)) {
        continue;
      }
      if (agg.positives().contains(key)) {
        pos.add(key);
      } else if (agg.negatives().contains(key)) {
        neg.add(key);
      }
    }
    return new OrderedSet(agg.label(), pos, neg);
  }

  private static OrderedSet listOrder(String label, List<KeyValue> list, Set<String> exclude) {
    List<String> pos = new ArrayList<>();
    List<String> neg = new ArrayList<>();
    for (KeyValue kv : list) {
      if (!exclude.contains(kv.key())) {
        (kv.value() ? pos : neg).add(kv.key());
      }
    }
    return new OrderedSet(label, pos, neg);
  }

  public boolean hasData(Source source) {
    return sources.containsKey(source);
  }

  /** The keys a source still holds, in order (empty when exhausted). */
  public OrderedSet remaining(Source source) {
    OrderedSet set = sources.get(source);
    return set == null ? new OrderedSet(label, List.of(), List.of()) : set;
  }

  /**
   * Adds the next {@code n} annotations of {@code source} to the training set and returns it; an
   * exhausted source adds nothing and returns the set as it is (null before any batch).
   */
  public LabelledSet extend(Source source, int n) {
    OrderedSet set = sources.get(source);
    if (set == null) {
      return current;
    }
    OrderedSet batch = set.firstN(n);
    if (batch.size() < n || batch.size() == set.size()) {
      sources.remove(source);
    } else {
      sources.put(source, set.minus(batch));
    }
    LabelledSet added = batch.toLabelledSet();
    current = current == null ? added : current.plus(added);
    sources.replaceAll((s, remaining) -> remaining.minus(batch));
    return current;
  }

  /** The training set gathered so far (null before any batch). */
  public LabelledSet current() {
    return current;
  }

  public SourceManager copy() {
    return new SourceManager(label, new EnumMap<>(sources), current);
  }
}
