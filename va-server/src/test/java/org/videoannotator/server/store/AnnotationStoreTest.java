package org.videoannotator.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.CorpusLayout;

class AnnotationStoreTest {
  @TempDir Path dir;

  private AnnotationStore open() {
    return AnnotationStore.open(CorpusLayout.of(dir).annotations());
  }

  private static NewVote vote(String key, Value v, String who) {
    return new NewVote(key, v, who, Source.other());
  }

  @Test
  void migratesToLatestAndReopens() {
    try (AnnotationStore s = open()) {
      assertEquals(Migrations.latest(), s.schemaVersion());
      s.createLabel("action", "fast", List.of("Explosions", "Car Chase"));
    }
    try (AnnotationStore s = open()) {
      assertEquals(Migrations.latest(), s.schemaVersion());
      assertEquals(List.of("Explosions", "Car Chase"), s.label("action").orElseThrow().keywords());
    }
  }

  @Test
  void labelsAreUniqueAndDeletedOnesRevive() {
    try (AnnotationStore s = open()) {
      s.createLabel("gore", "violence", List.of());
      assertThrows(DuplicateLabelException.class, () -> s.createLabel("gore", "again", List.of()));
      s.append("gore", List.of(vote("k1", Value.YES, "a")));
      assertTrue(s.deleteLabel("gore"));
      assertFalse(s.deleteLabel("gore"));
      assertTrue(s.label("gore").isEmpty());
      assertTrue(s.labels().isEmpty());
      s.createLabel("gore", "revived", List.of("Blood"));
      assertEquals("revived", s.label("gore").orElseThrow().description());
      assertEquals(1, s.current("gore").size(), "history survives a delete and revive");
      assertEquals("x", s.updateLabel("gore", "x", null).orElseThrow().description());
      assertEquals(List.of("Blood"), s.label("gore").orElseThrow().keywords());
      assertTrue(s.updateLabel("nope", "x", null).isEmpty());
    }
  }

  @Test
  void currentStateIsDerivedFromTheLog() {
    try (AnnotationStore s = open()) {
      s.createLabel("sad", "", List.of());
      s.append("sad", List.of(vote("k1", Value.YES, "alice"), vote("k2", Value.NO, "alice")));
      s.append("sad", List.of(vote("k1", Value.NO, "bob"), vote("k3", Value.UNSURE, "bob")));
      s.append("sad", List.of(vote("k2", Value.YES, "alice"))); // alice changes her mind
      s.append("sad", List.of(vote("k3", Value.REMOVED, "bob"))); // bob's undo

      List<CurrentAnnotation> current = s.current("sad");
      assertEquals(
          List.of("k2", "k1"),
          current.stream().map(CurrentAnnotation::key).toList(),
          "newest first; k3 undone");
      CurrentAnnotation k1 = current.get(1);
      assertEquals(Map.of("alice", Value.YES, "bob", Value.NO), k1.votes());
      assertEquals(Value.NO, k1.value(), "a tie goes to the latest yes/no vote");
      assertTrue(k1.disputed());
      assertEquals(Value.YES, current.get(0).value());
      assertEquals(new Counts(1, 1, 0), Counts.of(current));
      assertEquals(6, s.history("sad", null, null, 100, 0).size());
      assertEquals(Value.REMOVED, s.history("sad", "k3", null, 1, 0).getFirst().value());
      assertEquals(3, s.history("sad", null, "bob", 100, 0).size());
      assertTrue(s.currentVote("sad", "k3", "bob").isEmpty());
      assertEquals(Value.YES, s.currentVote("sad", "k2", "alice").orElseThrow());
    }
  }

  @Test
  void consensusIsTheMajority() {
    assertEquals(Value.YES, Consensus.of(List.of(Value.YES, Value.YES, Value.NO)));
    assertEquals(Value.NO, Consensus.of(List.of(Value.YES, Value.NO, Value.NO)));
    assertEquals(Value.YES, Consensus.of(List.of(Value.NO, Value.UNSURE, Value.YES)));
    assertEquals(Value.UNSURE, Consensus.of(List.of(Value.UNSURE)));
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    try (AnnotationStore s = open()) {
      s.createLabel("happy", "", List.of());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String who = "annotator" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    s.append(
                        "happy", List.of(vote("clip" + i, i % 2 == 0 ? Value.YES : Value.NO, who)));
                    s.current("happy");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertEquals(200, s.eventCount());
      assertEquals(50, s.current("happy").size());
    }
  }

  @Test
  void anotherWritersEventsAreCaughtUpIncrementally() {
    try (AnnotationStore first = open();
        AnnotationStore second = open()) {
      first.createLabel("night", "", List.of());
      first.append("night", List.of(vote("k1", Value.YES, "a"), vote("k2", Value.NO, "a")));
      assertEquals(2, first.current("night").size());
      // Events this store did not write: applied incrementally on the next read.
      second.append("night", List.of(vote("k3", Value.YES, "b"), vote("k1", Value.NO, "a")));
      List<CurrentAnnotation> seen = first.current("night");
      assertEquals(3, seen.size());
      assertEquals(
          Value.NO,
          seen.stream().filter(c -> c.key().equals("k1")).findFirst().orElseThrow().value());
      // Deleted and made anew elsewhere (a soft delete: the label comes back with its log), then
      // more events: both stores agree.
      second.deleteLabel("night");
      second.createLabel("night", "", List.of());
      second.append("night", List.of(vote("k9", Value.YES, "c"), vote("k2", Value.REMOVED, "a")));
      assertEquals(second.current("night"), first.current("night"));
      assertEquals(
          List.of("k1", "k3", "k9"),
          first.current("night").stream().map(CurrentAnnotation::key).sorted().toList());
    }
  }

  /** Stand-ins for the build service's records: the store persists whatever types it is given. */
  record Result(String status, String stage, String error) {}

  record Training(List<String> pos) {}

  @Test
  void buildsAndModelsAreNumberedPerLabel() {
    try (AnnotationStore s = open()) {
      s.createLabel("a", "", List.of());
      s.createLabel("b", "", List.of());
      BuildStore<Result, Training> builds = s.builds(Result.class, Training.class);
      long b1 = builds.insert("a", new Result("queued", "queued", null));
      assertEquals(
          java.util.Optional.empty(),
          builds.training(b1),
          "no training document before the build finished");
      builds.update(
          b1,
          "done",
          java.time.Instant.now(),
          new Result("done", "done", null),
          new Training(List.of("k1")));
      assertEquals(
          new Training(List.of("k1")),
          builds.training(b1).orElseThrow(),
          "documents come back typed");
      assertEquals(1, s.models().insertModel("a", b1, "models/a/v1.json", 10, java.util.Map.of()));
      assertEquals(2, s.models().insertModel("a", b1, "models/a/v2.json", 10, java.util.Map.of()));
      assertEquals(1, s.models().insertModel("b", b1, "models/b/v1.json", 10, java.util.Map.of()));
      assertEquals(3, s.models().nextModelVersion("a"));
      long b2 = builds.insert("a", new Result("queued", "queued", null));
      assertEquals(1, builds.failUnfinished("restarted"));
      BuildRow<Result> killed = builds.build(b2).orElseThrow();
      assertEquals("failed", killed.status());
      // A build killed with its server says so in its document too, not "queued".
      assertEquals(new Result("failed", "interrupted", "restarted"), killed.result());
      assertEquals(b1, builds.latestDone("a").orElseThrow().id());
      builds.addReward("a", "random", 10, 2, 1);
      builds.addReward("a", "random", 5, 1, 1);
      assertEquals(new FeedReward("random", 15, 3, 2), builds.rewards("a").getFirst());
    }
  }
}
