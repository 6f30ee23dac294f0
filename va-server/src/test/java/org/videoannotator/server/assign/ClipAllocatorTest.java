package org.videoannotator.server.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Role;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * Who is served which clip, without HTTP: over a real store, with a clock the test moves. Overlap 1
 * and 3, leases and their expiry, votes releasing them, the clips teammates took, assignees.
 */
class ClipAllocatorTest {
  @TempDir Path temp;

  /** A clock the test sets. */
  private static final class TestClock implements InstantSource {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final List<String> CLIPS =
      IntStream.range(0, 20).mapToObj(i -> "clip" + i).toList();

  private AnnotationStore store;
  private TestClock clock;
  private ClipAllocator allocator;
  private int opened;

  /** A fresh store, label and leases (closing the last). */
  @BeforeEach
  void open() {
    if (store != null) {
      store.close();
    }
    store = AnnotationStore.open(temp.resolve("annotations-" + opened++ + ".db"));
    store.createLabel("beach", "", List.of());
    clock = new TestClock();
    allocator = new ClipAllocator(store, new ClipLeases(clock, Duration.ofMinutes(5)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> page(String annotator, int offset, int k) {
    return allocator
        .serve("beach", Worker.annotator(annotator), CLIPS, Function.identity(), offset, k)
        .items();
  }

  private void vote(String annotator, String... keys) {
    List<NewVote> votes = new ArrayList<>();
    for (String key : keys) {
      votes.add(new NewVote(key, Value.YES, annotator, Source.other()));
    }
    List<Event> events = store.append("beach", votes);
    allocator.voted("beach", events);
  }

  private void overlap(int n) {
    new AssignmentService(store).update("beach", n, null, "root");
  }

  @Test
  void overlapOneGivesTwoAnnotatorsDisjointPagesAndAVoteClosesTheClip() {
    List<String> ada = page("ada", 0, 5);
    List<String> bob = page("bob", 0, 5);
    assertEquals(CLIPS.subList(0, 5), ada);
    assertEquals(CLIPS.subList(5, 10), bob, "ada's clips are leased to her");
    assertEquals(ada, page("ada", 0, 5), "one's own leases never hide clips from oneself");

    vote("ada", "clip0");
    assertEquals(
        List.of("clip1", "clip2", "clip3", "clip4"),
        page("ada", 0, 4),
        "a voted clip is not served again");
    assertEquals(CLIPS.subList(5, 10), page("bob", 0, 5), "nor to a teammate: overlap 1 is met");
    vote(
        "bob", "clip1"); // a teammate may still vote on a clip leased to another (from search, say)
    assertEquals(List.of("clip2", "clip3", "clip4"), page("ada", 0, 3));
    assertEquals(
        10,
        allocator
            .serve("beach", Worker.annotator("carol"), CLIPS, Function.identity(), 0, 20)
            .available(),
        "carol is offered what neither holds nor anyone voted: clips 10..19");
  }

  @Test
  void aReaderWhoCannotVoteClaimsNothing() {
    List<String> viewed =
        allocator
            .serve("beach", new Worker("vic", false), CLIPS, Function.identity(), 0, 5)
            .items();
    assertEquals(CLIPS.subList(0, 5), viewed);
    assertEquals(viewed, page("ada", 0, 5), "a viewer's page keeps no clip from an annotator");
  }

  @Test
  void leasesEndAfterTheirTimeAndEachServeRenewsThem() {
    List<String> ada = page("ada", 0, 5);
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertEquals(CLIPS.subList(5, 10), page("bob", 0, 5));
    clock.now = clock.now.plus(Duration.ofMinutes(2)); // ada's lease: 6 minutes old, bob's: 2
    assertEquals(ada, page("carol", 0, 5), "ada's lease ended: her clips go to carol");
    assertEquals(CLIPS.subList(10, 15), page("dave", 0, 5), "bob and carol hold 5..9 and 0..4");
    assertEquals(
        CLIPS.subList(15, 20), page("ada", 0, 5), "ada is not served what carol now holds");
  }

  @Test
  void overlapThreeServesEachClipToThreeAnnotatorsNeverTwiceToOne() {
    overlap(3);
    assertEquals(CLIPS.subList(0, 4), page("ada", 0, 4));
    assertEquals(CLIPS.subList(0, 4), page("bob", 0, 4));
    assertEquals(CLIPS.subList(0, 4), page("carol", 0, 4));
    assertEquals(
        CLIPS.subList(4, 8), page("dave", 0, 4), "three hold clips 0..3: the overlap is met");

    vote("ada", "clip0", "clip1");
    assertEquals(
        List.of("clip2", "clip3", "clip4"), page("ada", 0, 3), "never a clip ada voted on");
    assertTrue(!page("dave", 0, 20).contains("clip0"), "1 vote + 2 leases still meet overlap 3");
    vote("bob", "clip0");
    vote("carol", "clip0");
    for (String who : List.of("ada", "bob", "carol", "dave", "eve")) {
      assertTrue(
          !page(who, 0, 20).contains("clip0"),
          "clip0 has its three votes: " + who + " is not served it");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    assertTrue(
        page("dave", 0, 20).contains("clip1"),
        "clip1 has one vote and no live lease: dave may vote");
  }

  @Test
  void teammatesCompletingAClipIsReportedFromTheCursor() {
    TakenClips taken = new TakenClips(store);
    ClipAllocator.Page<String> adaPage =
        allocator.serve("beach", Worker.annotator("ada"), CLIPS, Function.identity(), 0, 5);
    vote("bob", "clip2");
    vote("ada", "clip3");
    TakenClips.Taken seen = taken.since("beach", "ada", adaPage.cursor());
    assertEquals(
        List.of("clip2"), seen.keys(), "bob's vote took clip2; ada's own vote is hers to see");
    assertEquals(List.of(), taken.since("beach", "ada", seen.cursor()).keys(), "nothing new since");
    assertEquals(
        List.of("clip3"),
        taken.since("beach", "bob", adaPage.cursor()).keys(),
        "bob voted clip2 himself; ada's vote took clip3 from him");

    overlap(2);
    long cursor = seen.cursor();
    vote("bob", "clip4");
    assertEquals(
        List.of(),
        taken.since("beach", "ada", cursor).keys(),
        "one vote of two: clip4 still needs ada");
    vote("carol", "clip4");
    assertEquals(List.of("clip4"), taken.since("beach", "ada", cursor).keys());
  }

  @Test
  void annotatorsAskingAtOnceGetDisjointPages() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 20; round++) {
        open(); // a fresh label and no leases each round
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<List<String>>> pages = new ArrayList<>();
        for (String who : List.of("ada", "bob", "carol")) {
          pages.add(
              pool.submit(
                  () -> {
                    start.await();
                    return page(who, 0, 6);
                  }));
        }
        Set<String> union = new HashSet<>();
        for (Future<List<String>> p : pages) {
          union.addAll(p.get());
        }
        assertEquals(18, union.size(), "round " + round + ": three pages of 6, no clip twice");
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void assignmentsAreCheckedStoredAndAudited() {
    AssignmentService assignments = new AssignmentService(store);
    assertEquals(1, assignments.get("beach").overlap());
    assertThrows(DomainException.class, () -> assignments.update("beach", 0, null, "root"));
    assertEquals(
        List.of("ada", "bob"),
        assignments.update("beach", 2, List.of(" ada", "bob", "ada"), "root").assignees());
    assertEquals("label-assigned", store.users().auditTrail(1).getFirst().action());
    assignments.requireAssignee("beach", "ada");
    DomainException refused =
        assertThrows(DomainException.class, () -> assignments.requireAssignee("beach", "carol"));
    assertEquals("not-assigned", refused.code());
    assertEquals(
        2,
        assignments.update("beach", null, List.of(), "root").overlap(),
        "null keeps the overlap");

    store.users().add("vic", Role.VIEWER);
    store.users().add("ada", Role.ANNOTATOR);
    assertThrows(
        DomainException.class,
        () -> assignments.update("beach", null, List.of("vic"), "root"),
        "a viewer cannot vote");
    assertThrows(
        DomainException.class,
        () -> assignments.update("beach", null, List.of("nobody"), "root"),
        "with accounts, assignees are accounts");
    assertEquals(
        List.of("ada"), assignments.update("beach", null, List.of("ada"), "root").assignees());
  }
}
