package org.videoannotator.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.CorpusLayout;

/**
 * A write to a label must not read the label's log: the current annotations are projected from the
 * log once, then kept by applying new events. Counted in events read, not timed.
 */
class LogReadsPerWriteTest {
  private static final int LOG = 20_000;
  private static final int WRITERS = 4;

  @TempDir Path dir;

  private AnnotationStore open() {
    return AnnotationStore.open(CorpusLayout.of(dir).annotations());
  }

  /** A label whose log holds {@link #LOG} events, each a distinct (clip, annotator) vote. */
  private void seedLongLog(String label) {
    try (AnnotationStore s = open()) {
      s.createLabel(label, "", List.of());
      List<NewVote> votes = new ArrayList<>(LOG);
      for (int i = 0; i < LOG; i++) {
        votes.add(
            new NewVote(
                "clip" + (i % 2000),
                i % 3 == 0 ? Value.NO : Value.YES,
                "seed" + (i / 2000),
                Source.other()));
      }
      s.append(label, votes);
    }
  }

  /** Runs {@code work} on {@link #WRITERS} threads released at the same moment. */
  private static void together(ThrowingRunnable work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        int writer = t;
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  work.run(writer);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface ThrowingRunnable {
    void run(int writer) throws Exception;
  }

  @Test
  void readersArrivingTogetherProjectTheLogOnce() throws Exception {
    seedLongLog("long");
    try (AnnotationStore s = open()) {
      together(writer -> assertEquals(2000, s.current("long").size()));
      assertEquals(
          LOG, s.eventsReadForCurrent(), "one projection of the log, not one per waiting reader");
    }
  }

  @Test
  void overlappingWritersDoNotReadTheLogAgain() throws Exception {
    seedLongLog("long");
    try (AnnotationStore s = open()) {
      s.current("long");
      long afterFirstRead = s.eventsReadForCurrent();
      int writesEach = 100;
      // What AnnotationService.add does per request: append, then the current set for the counts.
      together(
          writer -> {
            for (int i = 0; i < writesEach; i++) {
              s.append(
                  "long",
                  List.of(
                      new NewVote(
                          "clip" + (writer * 500 + i),
                          Value.YES,
                          "writer" + writer,
                          Source.other())));
              s.current("long");
            }
          });
      long perWrites = s.eventsReadForCurrent() - afterFirstRead;
      // Catching up reads only other writers' events in flight; any re-projection reads >= LOG.
      assertTrue(
          perWrites < LOG,
          "the "
              + WRITERS * writesEach
              + " writes read "
              + perWrites
              + " events from the log; a write must read only the events it has not applied, never the whole log");
      assertEquals(LOG + WRITERS * writesEach, s.eventCount());
      try (AnnotationStore fresh = open()) {
        assertEquals(
            fresh.current("long"),
            s.current("long"),
            "kept state equals a projection from the log");
      }
    }
  }
}
