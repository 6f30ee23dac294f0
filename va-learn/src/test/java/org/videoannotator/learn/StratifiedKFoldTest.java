package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {
  @Test
  void assignsFoldsExactlyAsScikitLearn() {
    for (JsonNode c : Golden.read("stratified_kfold.json")) {
      boolean[] y = Golden.bools(c.get("y"));
      assertArrayEquals(Golden.ints(c.get("folds")), StratifiedKFold.testFolds(y, 5, 0));
    }
  }

  @Test
  void refusesTooFewMembers() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            StratifiedKFold.testFolds(new boolean[] {true, false, true, false, true, false}, 5, 0));
  }
}
