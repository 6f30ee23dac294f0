package org.videoannotator.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Settlement;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * A label's report from its current annotations: unsure is no rating, settlements are the
 * consensus.
 */
class AgreementReportTest {
  private static CurrentAnnotation clip(
      String key, Value consensus, Map<String, Value> votes, Settlement settled) {
    return new CurrentAnnotation(key, consensus, votes, Instant.EPOCH, Source.other(), settled);
  }

  /** Decisions of a model that says yes on exactly these clips (c4 has no vector). */
  private static ModelDecisions saysYesOn(List<String> yes) {
    return new ModelDecisions() {
      public int version() {
        return 2;
      }

      public double threshold() {
        return 0.4;
      }

      public Optional<Boolean> yes(String key) {
        return key.equals("c4") ? Optional.empty() : Optional.of(yes.contains(key));
      }
    };
  }

  @Test
  void figuresPerPairAndPerAnnotator() {
    Settlement no = new Settlement(Value.NO, "sam", null, Instant.EPOCH);
    List<CurrentAnnotation> current =
        List.of(
            clip("c1", Value.YES, Map.of("ada", Value.YES, "bob", Value.YES), null),
            clip("c2", Value.NO, Map.of("ada", Value.YES, "bob", Value.NO, "cy", Value.NO), no),
            clip("c3", Value.NO, Map.of("ada", Value.NO, "bob", Value.UNSURE), null),
            clip("c4", Value.UNSURE, Map.of("cy", Value.UNSURE), null));
    AgreementReport r = AgreementReport.of("night", current, saysYesOn(List.of("c1", "c2")));
    assertEquals(3, r.clips(), "c4 has no yes/no vote");
    assertEquals(1, r.disputed());
    assertEquals(1, r.settled());
    assertEquals(
        new Figure(0.5, 2), r.unanimity(), "c3's unsure is no vote: c1 and c2 have two or more");
    assertEquals(
        List.of("ada", "bob", "cy"),
        r.members().stream().map(AgreementReport.Member::annotator).toList());
    AgreementReport.Member ada = r.members().getFirst();
    assertEquals(3, ada.votes());
    assertEquals(new Figure(2.0 / 3, 3), ada.consensus(), "c2 is settled no: ada's yes disagrees");
    assertEquals(
        new Figure(1.0, 3), ada.model(), "the model says yes on c1, c2 and no on c3, as ada");
    AgreementReport.Member cy = r.members().get(2);
    assertEquals(2, cy.votes());
    assertEquals(1, cy.unsure());
    assertEquals(new Figure(1.0, 1), cy.consensus());
    assertEquals(new Figure(0.0, 1), cy.model(), "c4 has no vector; c2: cy no, model yes");
    AgreementReport.Pair adaBob = r.pairs().getFirst();
    assertEquals("ada", adaBob.a());
    assertEquals("bob", adaBob.b());
    assertEquals(new Figure(0.5, 2), adaBob.percent());
    assertEquals(3, r.pairs().size());
    assertEquals(2, r.model().version());
  }

  @Test
  void noModelNoFigureAgainstIt() {
    AgreementReport r =
        AgreementReport.of(
            "night", List.of(clip("c1", Value.YES, Map.of("ada", Value.YES), null)), null);
    assertNull(r.model());
    assertNull(r.members().getFirst().model());
    assertEquals(new Figure(null, 0), r.unanimity());
    assertEquals(List.of(), r.pairs());
  }
}
