package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelledSetTest {
  @Test
  void refusesKeysOnBothSidesAndEmptySets() {
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LabelledSet("gore", Set.of("a", "b"), Set.of("b")));
    assertTrue(both.getMessage().contains("'b'"), both.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LabelledSet("gore", Set.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new LabelledSet(" ", Set.of("a"), Set.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new LabelledSet("gore", Set.of(""), Set.of()));
  }

  @Test
  void ordersKeysAsPythonSortsStrings() {
    // U+FF21 (fullwidth A) sorts before U+1F3AC by code point but after it in UTF-16 units
    LabelledSet set =
        new LabelledSet("x", Set.of("b", "\uFF21", "\uD83C\uDFAC", "a"), Set.of("z", "y"));
    assertEquals(List.of("a", "b", "\uFF21", "\uD83C\uDFAC", "y", "z"), set.orderedKeys());
    assertArrayEquals(new boolean[] {true, true, true, true, false, false}, set.orderedLabels());
    assertEquals(4 / 6.0, set.positiveRate());
  }

  @Test
  void isImmutableAndComposes() {
    java.util.HashSet<String> pos = new java.util.HashSet<>(Set.of("a"));
    LabelledSet set = new LabelledSet("x", pos, Set.of("n"));
    pos.add("b");
    assertEquals(1, set.positiveCount());
    assertThrows(UnsupportedOperationException.class, () -> set.positives().add("c"));
    LabelledSet more = set.plus(new LabelledSet("x", Set.of("c"), Set.of("m")));
    assertEquals(Set.of("a", "c"), more.positives());
    assertEquals(Set.of("m"), more.without(Set.of("n", "a", "c")).negatives());
    assertThrows(
        IllegalArgumentException.class,
        () -> set.plus(new LabelledSet("y", Set.of("c"), Set.of())));
  }
}
