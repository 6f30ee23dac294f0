package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement counts a shot's own voters, not a fixed three. */
class UnanimityTest {
  private static AggEntry entry(Boolean primary, List<Boolean> secondaries, int posCnt) {
    return new AggEntry("k|1", primary, secondaries, posCnt * 2 > 1, posCnt);
  }

  @Test
  void theReleasesThreeVoters() {
    assertTrue(DatasetStats.unanimous(entry(true, List.of(true, true), 3)));
    assertTrue(DatasetStats.unanimous(entry(false, List.of(false, false), 0)));
    assertFalse(DatasetStats.unanimous(entry(true, List.of(true, false), 2)));
  }

  @Test
  void otherOverlapsCountTheirOwnVoters() {
    assertTrue(DatasetStats.unanimous(entry(true, List.of(true), 2)), "two voters, both yes");
    assertTrue(DatasetStats.unanimous(entry(true, List.of(), 1)), "one voter");
    assertFalse(DatasetStats.unanimous(entry(true, List.of(true, true, true, false), 4)));
    assertTrue(
        DatasetStats.unanimous(entry(true, Arrays.asList(true, null, true), 3)),
        "a named annotator who gave no answer on this shot is not a voter");
  }

  @Test
  void aShotNamingNoVotersHadTheReleasesThree() {
    assertTrue(DatasetStats.unanimous(entry(null, List.of(), 3)));
    assertFalse(DatasetStats.unanimous(entry(null, List.of(), 2)));
  }
}
