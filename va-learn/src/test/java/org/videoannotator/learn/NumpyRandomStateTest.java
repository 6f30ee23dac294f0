package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {
  private static final JsonNode GOLDEN = Golden.read("numpy_random.json");

  @Test
  void reproducesNumpyStreamsForIntSeeds() {
    for (long seed : new long[] {0, 1, 42, 4294967295L}) {
      JsonNode g = GOLDEN.get(Long.toString(seed));
      NumpyRandomState rs = new NumpyRandomState(seed);
      String at = "seed " + seed;
      assertArrayEquals(Golden.doubles(g.get("random_sample")), rs.randomSample(1300), at);
      assertArrayEquals(Golden.longs(g.get("randint_10")), rs.randint(0, 10, 50), at);
      assertArrayEquals(Golden.longs(g.get("randint_1000_5000")), rs.randint(1000, 5000, 50), at);
      assertArrayEquals(Golden.longs(g.get("randint_big")), rs.randint(0, (1L << 40) + 7, 20), at);
      assertArrayEquals(Golden.longs(g.get("randint_exact32")), rs.randint(0, 1L << 32, 10), at);
      assertArrayEquals(Golden.ints(g.get("permutation_37")), rs.permutation(37), at);
      assertArrayEquals(Golden.ints(g.get("permutation_1")), rs.permutation(1), at);
      int[] arr = new int[20];
      for (int i = 0; i < 20; i++) {
        arr[i] = i;
      }
      rs.shuffle(arr);
      assertArrayEquals(Golden.ints(g.get("shuffle_20")), arr, at);
      // the polar method takes a log and a square root: allow their last-bit differences
      assertArrayEquals(
          Golden.doubles(g.get("standard_normal")), rs.standardNormal(1001), 1e-14, at);
      assertArrayEquals(Golden.doubles(g.get("after")), rs.randomSample(3), at);
    }
  }

  @Test
  void reproducesTheReferenceBootstraps() {
    Iterator<Map.Entry<String, JsonNode>> it = GOLDEN.get("bootstrap").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int n = Integer.parseInt(e.getKey());
      for (int i = 1; i <= 4; i++) {
        assertArrayEquals(
            Golden.ints(e.getValue().get(i - 1)),
            new NumpyRandomState(i).choice(n, n),
            "n=" + n + " bootstrap " + i);
      }
    }
  }

  @Test
  void reproducesChoiceWithProbabilitiesAndWithoutReplacement() {
    double[] p = Golden.doubles(GOLDEN.get("p"));
    NumpyRandomState rs = new NumpyRandomState(3);
    assertArrayEquals(Golden.ints(GOLDEN.get("choice_p_replace")), rs.choice(7, 30, true, p));
    assertArrayEquals(Golden.ints(GOLDEN.get("choice_p_noreplace")), rs.choice(7, 5, false, p));
    assertArrayEquals(Golden.ints(GOLDEN.get("choice_noreplace")), rs.choice(50, 10, false, null));
    assertArrayEquals(Golden.doubles(GOLDEN.get("choice_after")), rs.randomSample(2));
  }

  @Test
  void reproducesStringPermutationArraySeedingAndRand() {
    JsonNode words = GOLDEN.get("permutation_words");
    List<String> input = new ArrayList<>();
    words.get("input").forEach(w -> input.add(w.asText()));
    List<String> expected = new ArrayList<>();
    words.get("output").forEach(w -> expected.add(w.asText()));
    assertEquals(expected, new NumpyRandomState(0).permutation(input));

    JsonNode byArray = GOLDEN.get("by_array");
    int[] key = new int[byArray.get("key").size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (int) byArray.get("key").get(i).asLong();
    }
    assertArrayEquals(
        Golden.doubles(byArray.get("random_sample")),
        NumpyRandomState.ofArray(key).randomSample(10));

    double[][] rand = new NumpyRandomState(0).rand(3, 5);
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(Golden.doubles(GOLDEN.get("rand_3x5").get(r)), rand[r]);
    }
  }

  @Test
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
    assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
    NumpyRandomState rs = new NumpyRandomState(0);
    assertThrows(IllegalArgumentException.class, () -> rs.randint(5, 5));
    assertThrows(IllegalArgumentException.class, () -> rs.choice(3, 4, false, null));
    assertThrows(
        IllegalArgumentException.class, () -> rs.choice(2, 1, true, new double[] {0.7, 0.7}));
    assertThrows(
        IllegalArgumentException.class, () -> rs.choice(2, 2, false, new double[] {1.0, 0.0}));
  }
}
