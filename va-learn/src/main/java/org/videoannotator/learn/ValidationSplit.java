package org.videoannotator.learn;

import java.util.HashSet;
import java.util.Set;

/**
 * The reference's validation split: a key is in validation when {@code murmur3_x86_32(utf8(key),
 * seed)}, read as a signed int, modulo 10 with Python's sign rule (always non-negative) is below 2.
 * The split is a pure function of the key, so the same key always falls on the same side.
 */
public final class ValidationSplit {
  /** The protocol's seed. */
  public static final int DEFAULT_SEED = 0;
  /** Validation fraction numerator (2/10). */
  public static final int NUMERATOR = 2;
  /** Validation fraction denominator (2/10). */
  public static final int DENOMINATOR = 10;

  private ValidationSplit() {}

  /** The two sides of a split. */
  public record Split(LabelledSet train, LabelledSet validation) {}

  /** Thrown when one side of a split would have no positives (the reference refuses those). */
  public static final class NoPositivesException extends IllegalArgumentException {
    public NoPositivesException(String message) {
      super(message);
    }
  }

  /** Whether {@code key} belongs to the validation side with the protocol's seed 0. */
  public static boolean isValidation(String key) {
    return isValidation(key, DEFAULT_SEED);
  }

  /** Whether {@code key} belongs to the validation side for {@code seed}. */
  public static boolean isValidation(String key, int seed) {
    return Math.floorMod(Murmur3.hash32(key, seed), DENOMINATOR) < NUMERATOR;
  }

  /** Splits {@code set} with seed 0, removing nothing. */
  public static Split split(LabelledSet set) {
    return split(set, Set.of(), Set.of(), DEFAULT_SEED);
  }

  /**
   * Splits {@code set}; keys in {@code removeFromTrain} are dropped from the training side and keys
   * in {@code removeFromValidation} from the validation side.
   *
   * @throws NoPositivesException if either side has no positive (or no key at all)
   */
  public static Split split(
      LabelledSet set, Set<String> removeFromTrain, Set<String> removeFromValidation, int seed) {
    Set<String> trainPos = new HashSet<>();
    Set<String> trainNeg = new HashSet<>();
    Set<String> valPos = new HashSet<>();
    Set<String> valNeg = new HashSet<>();
    assign(set.positives(), trainPos, valPos, removeFromTrain, removeFromValidation, seed);
    assign(set.negatives(), trainNeg, valNeg, removeFromTrain, removeFromValidation, seed);
    if (trainPos.isEmpty()) {
      throw new NoPositivesException(
          "the training split for label=" + set.label() + " with seed=" + seed
              + " has no positive instances");
    }
    if (valPos.isEmpty()) {
      throw new NoPositivesException(
          "the validation split for label=" + set.label() + " with seed=" + seed
              + " has no positive instances");
    }
    return new Split(
        new LabelledSet(set.label(), trainPos, trainNeg),
        new LabelledSet(set.label(), valPos, valNeg));
  }

  private static void assign(
      Set<String> keys,
      Set<String> train,
      Set<String> validation,
      Set<String> removeFromTrain,
      Set<String> removeFromValidation,
      int seed) {
    for (String key : keys) {
      if (isValidation(key, seed)) {
        if (!removeFromValidation.contains(key)) {
          validation.add(key);
        }
      } else if (!removeFromTrain.contains(key)) {
        train.add(key);
      }
    }
  }
}
