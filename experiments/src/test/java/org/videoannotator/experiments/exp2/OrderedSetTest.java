package org.videoannotator.experiments.exp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedSetTest {
  @Test
  void firstNKeepsThePositiveRateWithHalfToEvenRounding() {
    // rate 1/4 of 10 = 2.5 -> 2 positives (Python's round), 8 negatives
    OrderedSet s =
        new OrderedSet(
            "l",
            List.of("p1", "p2", "p3", "p4", "p5"),
            List.of(
                "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12", "n13",
                "n14", "n15"));
    OrderedSet batch = s.firstN(10);
    assertEquals(List.of("p1", "p2"), batch.pos());
    assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"), batch.neg());
  }

  @Test
  void firstNTakesAtLeastOnePositiveAndStopsWhereASideEnds() {
    OrderedSet s =
        new OrderedSet(
            "l",
            List.of("p1"),
            List.of(
                "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12", "n13",
                "n14", "n15", "n16", "n17", "n18", "n19", "n20", "n21", "n22", "n23", "n24", "n25",
                "n26", "n27", "n28", "n29", "n30", "n31", "n32", "n33", "n34", "n35", "n36", "n37",
                "n38", "n39", "n40", "n41"));
    assertEquals(List.of("p1"), s.firstN(5).pos()); // round(5/42) = 0, raised to 1
    assertEquals(4, s.firstN(5).neg().size());
    OrderedSet small = new OrderedSet("l", List.of("p1"), List.of("n1"));
    assertEquals(2, small.firstN(25).size());
    assertThrows(
        IllegalStateException.class, () -> new OrderedSet("l", List.of(), List.of()).firstN(3));
  }

  @Test
  void plusAppendsNewKeysAndMinusRemovesSideBySide() {
    OrderedSet a = new OrderedSet("l", List.of("a", "b"), List.of("x"));
    OrderedSet b = new OrderedSet("l", List.of("b", "c"), List.of("y", "a2"));
    assertEquals(List.of("a", "b", "c"), a.plus(b).pos());
    assertEquals(List.of("x", "y", "a2"), a.plus(b).neg());
    assertEquals(List.of("a"), a.minus(b).pos());
    // minus is side by side: a key positive here and negative there stays
    OrderedSet c = new OrderedSet("l", List.of(), List.of("a"));
    assertEquals(List.of("a", "b"), a.minus(c).pos());
    assertThrows(
        IllegalArgumentException.class, () -> new OrderedSet("l", List.of("k"), List.of("k")));
  }
}
