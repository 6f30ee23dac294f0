package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectionsTest {
  @Test
  void heapSelectionsEqualAFullSort() {
    SplittableRandom r = new SplittableRandom(3);
    float[] s = new float[5000];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) Math.round(r.nextDouble() * 500) / 500f; // many ties
    }
    java.util.function.IntPredicate odd = row -> row % 2 == 1;
    assertArrayEquals(
        sorted(s, odd, Comparator.comparingDouble(i -> -s[i])), Selections.top(s, 50, odd));
    assertArrayEquals(
        sorted(s, odd, Comparator.comparingDouble(i -> s[i])), Selections.bottom(s, 50, odd));
    assertArrayEquals(
        sorted(s, odd, Comparator.comparingDouble(i -> Math.abs(s[i] - 0.5))),
        Selections.nearest(s, 0.5, 50, odd));
  }

  /** Reference: stable full sort of the non-excluded rows (ties by row), first 50. */
  private static int[] sorted(
      float[] s, java.util.function.IntPredicate excluded, Comparator<Integer> by) {
    return IntStream.range(0, s.length)
        .filter(i -> !excluded.test(i))
        .boxed()
        .sorted(by.thenComparingInt(i -> i))
        .limit(50)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void smallInputsAndZeroK() {
    float[] s = {0.1f, 0.9f, 0.5f};
    assertArrayEquals(new int[] {1, 2, 0}, Selections.top(s, 10, Selections.NONE));
    assertEquals(0, Selections.top(s, 0, Selections.NONE).length);
    assertEquals(0, Selections.top(new float[0], 3, Selections.NONE).length);
    assertArrayEquals(new int[] {0}, Selections.bottom(s, 1, row -> false));
    assertEquals("[2, 0]", Arrays.toString(Selections.nearest(s, 0.4, 2, row -> row == 1)));
  }
}
