package org.videoannotator.learn;

import java.util.HashSet;
import java.util.Set;

/**
 * The reference's validation split: a key is in validation when {@code murmur3_x86_32(utf8(key),
 * seed)}, read as a signed int, modulo the fraction's denominator with Python's sign rule (always
 * non-negative) is below its numerator. The split is a pure function of the key, so the same key
 * always falls on the same side.
 *
 * <p>The reference declares {@code VALIDATION_FRACTION = Fraction(numerator=2, denominator=10)} and
 * Python's {@code Fraction} reduces that to 1/5 at construction, so its {@code _key_in_val}
 * computes {@code hash % 5 < 1}: the same 20 %, but different keys than {@code hash % 10 < 2}.
 * {@link #fraction} reduces every setting the same way.
 */
public final class ValidationSplit {
  /** The protocol's seed. */
  public static final int DEFAULT_SEED = 0;

  /** The protocol's validation fraction as declared (2/10); it takes effect reduced, as 1/5. */
  public static final Fraction DEFAULT_FRACTION = fraction(2, 10);

  /**
   * A validation fraction in lowest terms, as Python's {@code fractions.Fraction} keeps it.
   *
   * @param numerator keys with {@code hash mod denominator < numerator} go to validation
   * @param denominator always positive after reduction
   */
  public record Fraction(int numerator, int denominator) {
    public Fraction {
      if (denominator <= 0 || numerator < 0 || numerator > denominator) {
        throw new IllegalArgumentException(
            "a validation fraction needs 0 <= numerator <= denominator and denominator > 0, got "
                + numerator
                + "/"
                + denominator);
      }
      int gcd = gcd(numerator, denominator);
      numerator /= gcd;
      denominator /= gcd;
    }

    private static int gcd(int a, int b) {
      return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }

    @Override
    public String toString() {
      return numerator + "/" + denominator;
    }
  }

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
    return isValidation(key, seed, DEFAULT_FRACTION);
  }

  /** Whether {@code key} belongs to the validation side for {@code seed} and {@code fraction}. */
  public static boolean isValidation(String key, int seed, Fraction fraction) {
    return Math.floorMod(Murmur3.hash32(key, seed), fraction.denominator()) < fraction.numerator();
  }

  /** {@code numerator/denominator} reduced to lowest terms (2/10 becomes 1/5). */
  public static Fraction fraction(int numerator, int denominator) {
    return new Fraction(numerator, denominator);
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
          "the training split for label="
              + set.label()
              + " with seed="
              + seed
              + " has no positive instances");
    }
    if (valPos.isEmpty()) {
      throw new NoPositivesException(
          "the validation split for label="
              + set.label()
              + " with seed="
              + seed
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
