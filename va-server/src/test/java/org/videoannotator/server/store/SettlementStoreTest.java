package org.videoannotator.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.index.CorpusLayout;

/**
 * Settlements in the real SQLite store: the consensus while they stand, logged, audited, durable,
 * undoable.
 */
class SettlementStoreTest {
  @TempDir Path dir;

  private AnnotationStore open() {
    return AnnotationStore.open(CorpusLayout.of(dir).annotations());
  }

  private static NewVote vote(String key, Value v, String who) {
    return new NewVote(key, v, who, Source.other());
  }

  @Test
  void aSettlementIsTheConsensusUntilUndone() {
    try (AnnotationStore s = open()) {
      s.createLabel("night", "", List.of());
      s.append(
          "night",
          List.of(
              vote("k1", Value.YES, "ada"),
              vote("k1", Value.YES, "bob"),
              vote("k1", Value.NO, "cy")));
      assertEquals(
          Value.YES, s.current("night").getFirst().value(), "the majority before any settlement");
      Event settled = s.settle("night", "k1", Value.NO, "sam", "cy saw the street lights");
      assertEquals(Settlement.ANNOTATOR, settled.annotator());
      assertEquals("settle", settled.source().kind());
      CurrentAnnotation a = s.current("night").getFirst();
      assertEquals(Value.NO, a.value());
      assertEquals(
          Map.of("ada", Value.YES, "bob", Value.YES, "cy", Value.NO),
          a.votes(),
          "a settlement is not a vote");
      assertTrue(a.disputed() && a.settled());
      assertEquals("sam", a.settlement().by());
      assertEquals(
          "other", a.source().kind(), "where the clip was shown: the latest vote's source");
      assertEquals("cy saw the street lights", a.settlement().note());
      assertEquals(new Counts(0, 1, 0), Counts.of(s.current("night")));
      // A later vote leaves the settlement standing.
      s.append("night", List.of(vote("k1", Value.YES, "dan")));
      assertEquals(Value.NO, s.current("night").getFirst().value());
    }
    try (AnnotationStore s = open()) {
      assertEquals(
          Value.NO, s.current("night").getFirst().value(), "durable: projected again from the log");
      s.unsettle("night", "k1", "sam");
      CurrentAnnotation a = s.current("night").getFirst();
      assertEquals(Value.YES, a.value(), "the majority again");
      assertFalse(a.settled());
      assertNull(a.settlement());
      List<String> actions =
          s.users().auditTrail(10).stream().map(UserStore.AuditEntry::action).toList();
      assertEquals(List.of("settlement-undone", "settled"), actions);
      assertEquals(2, s.history("night", "k1", Settlement.ANNOTATOR, 10, 0).size());
    }
  }

  @Test
  void noVoteMayPassForASettlement() {
    try (AnnotationStore s = open()) {
      s.createLabel("night", "", List.of());
      UserException e =
          assertThrows(
              UserException.class,
              () -> s.append("night", List.of(vote("k1", Value.YES, Settlement.ANNOTATOR))));
      assertTrue(e.getMessage().contains("reserved"), e.getMessage());
      assertEquals(0, s.eventCount(), "nothing of the batch was stored");
      assertThrows(
          IllegalArgumentException.class, () -> s.settle("night", "k1", Value.UNSURE, "sam", null));
      assertThrows(
          UnknownLabelException.class, () -> s.settle("nope", "k1", Value.YES, "sam", null));
    }
  }
}
