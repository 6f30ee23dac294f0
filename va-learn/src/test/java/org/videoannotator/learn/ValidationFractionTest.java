package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The validation fraction is reduced the way Python's {@code Fraction} reduces it. */
class ValidationFractionTest {
  @Test
  void declaredTwoTenthsActsAsOneFifth() {
    assertEquals(new ValidationSplit.Fraction(1, 5), ValidationSplit.DEFAULT_FRACTION);
    assertEquals("1/5", ValidationSplit.fraction(20, 100).toString());
    assertEquals("0/1", ValidationSplit.fraction(0, 7).toString());
    assertEquals("1/1", ValidationSplit.fraction(3, 3).toString());
  }

  @Test
  void reducedAndUnreducedFractionsPickDifferentKeys() {
    // Same share of keys, different keys: the defect the reference comparison found.
    int differ = 0;
    for (int i = 0; i < 2_000; i++) {
      String key = "video-" + i + "|" + (i * 37);
      int hash = Murmur3.hash32(key, 0);
      boolean reduced = ValidationSplit.isValidation(key);
      assertEquals(Math.floorMod(hash, 5) < 1, reduced, key);
      if (reduced != Math.floorMod(hash, 10) < 2) {
        differ++;
      }
    }
    assertEquals(true, differ > 100, "the two rules should disagree on many keys, got " + differ);
  }

  @Test
  void refusesImpossibleFractions() {
    assertThrows(IllegalArgumentException.class, () -> ValidationSplit.fraction(3, 2));
    assertThrows(IllegalArgumentException.class, () -> ValidationSplit.fraction(1, 0));
    assertThrows(IllegalArgumentException.class, () -> ValidationSplit.fraction(-1, 5));
  }
}
