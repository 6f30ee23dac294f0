package org.videoannotator.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.server.annotations.AnnotationService;
import org.videoannotator.server.assign.ClipAllocator;
import org.videoannotator.server.assign.ClipLeases;
import org.videoannotator.server.assign.Worker;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.BuildStatus;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.exchange.ExchangeService;
import org.videoannotator.server.feeds.AutoFeed;
import org.videoannotator.server.feeds.FeedService;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.models.ScoringService;
import org.videoannotator.server.review.ReviewService;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Every feature as a plain service (labels, annotations, feeds, exchange, review, scoring) over a
 * real corpus, store and build: no HTTP involved.
 */
class ServicesWithoutHttpTest {
  @TempDir Path temp;

  @Test
  void reviewAndScoringWorkOnTheirOwn() throws Exception {
    try (Corpus corpus = SyntheticCorpora.copyOf(temp.resolve("corpus"), 400, 32, 7);
        AnnotationStore store = AnnotationStore.open(CorpusLayout.of(corpus.dir()).annotations());
        BuildService builds = new BuildService(corpus, store, 1)) {
      store.createLabel("beach", "", List.of());
      List<NewVote> votes = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String key = SyntheticCorpora.key(i);
        boolean yes = SyntheticCorpora.concept(corpus.clip(key).orElseThrow());
        votes.add(new NewVote(key, yes ? Value.YES : Value.NO, "alice", Source.other()));
      }
      store.append("beach", votes);
      LabelService labels = new LabelService(store, builds);
      Label beach = labels.require("beach");
      ClipAllocator allocator =
          new ClipAllocator(store, new ClipLeases(InstantSource.system(), ClipLeases.DEFAULT_TTL));
      FeedService feeds =
          new FeedService(corpus, builds, new AutoFeed(BuildService.rows(store)), allocator);
      assertKind(
          DomainException.Kind.CONFLICT,
          "feed",
          () -> feeds.page(beach, Worker.annotator("alice"), "top-positive", 20, 0));
      ReviewService reviews = new ReviewService(corpus, store, builds, allocator);
      ReviewService.ReviewPage before =
          reviews.review("beach", Worker.annotator("alice"), ReviewService.Filter.ALL, 100, 0);
      assertEquals(60, before.total());
      assertNull(before.items().getFirst().modelScore(), "no model before the first build");

      BuildStatus status = builds.start("beach", 1, 20);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!builds.status(status.id()).orElseThrow().finishedState()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(BuildStatus.DONE, builds.status(status.id()).orElseThrow().status());

      ReviewService.ReviewPage after =
          reviews.review(
              "beach", Worker.annotator("alice"), ReviewService.Filter.POSITIVES, 100, 0);
      assertTrue(after.total() > 0);
      after
          .items()
          .forEach(
              item -> {
                assertEquals(Value.YES.wire(), item.annotation().value());
                assertNotNull(item.modelScore());
              });

      ScoringService scoring = new ScoringService(corpus, store, builds);
      var model = scoring.latest("beach").orElseThrow();
      assertEquals(1, scoring.versions("beach").size());
      var scores =
          scoring.score(
              model, Optional.of(List.of(SyntheticCorpora.key(100), SyntheticCorpora.key(101))));
      assertEquals(2, scores.size());
      assertTrue(scores.stream().allMatch(s -> s.score() >= 0 && s.score() <= 1));
      assertEquals(
          0, scoring.score(model, Optional.empty()).size(), "nothing was appended since the build");
      assertEquals(
          DomainException.Kind.NOT_FOUND,
          assertThrows(
                  DomainException.class,
                  () -> scoring.score(model, Optional.of(List.of("no such clip"))))
              .kind());
      ScoringService.Preview preview = scoring.preview("beach", model, 5);
      assertEquals(5, preview.items().size());
      assertEquals(340, preview.sampled(), "the 60 annotated clips are left out of the sample");

      feedsPageAroundAnnotatedClips(
          feeds,
          new AnnotationService(store, builds, new AutoFeed(BuildService.rows(store)), allocator),
          beach,
          store);
      exchangeRoundTrips(new ExchangeService(corpus, store, builds), labels, beach);
    }
  }

  /**
   * The label and annotation services on their own: lookups, undo, history, ontology import,
   * delete.
   */
  @Test
  void labelsAndAnnotationsWorkOnTheirOwn() {
    try (Corpus corpus = SyntheticCorpora.copyOf(temp.resolve("corpus"), 100, 8, 3);
        AnnotationStore store = AnnotationStore.open(CorpusLayout.of(corpus.dir()).annotations());
        BuildService builds = new BuildService(corpus, store, 1)) {
      LabelService labels = new LabelService(store, builds);
      assertKind(DomainException.Kind.NOT_FOUND, "label", () -> labels.require("nope"));
      labels.create(new LabelService.LabelDraft("dog", "a dog", List.of("dog")));
      LabelService.OntologyImport imported =
          labels.importOntology(
              List.of(
                  new LabelService.LabelDraft("dog", "", List.of()),
                  new LabelService.LabelDraft("cat", "", List.of())));
      assertEquals(List.of("cat"), imported.created());
      assertEquals(List.of("dog"), imported.existing());

      AnnotationService annotations =
          new AnnotationService(
              store,
              builds,
              new AutoFeed(BuildService.rows(store)),
              new ClipAllocator(
                  store, new ClipLeases(InstantSource.system(), ClipLeases.DEFAULT_TTL)));
      Label dog = labels.require("dog");
      AnnotationService.Added added =
          annotations.add(
              dog,
              List.of(
                  new NewVote(SyntheticCorpora.key(0), Value.YES, "alice", Source.other()),
                  new NewVote(SyntheticCorpora.key(1), Value.NO, "bob", Source.other())));
      assertEquals(2, added.accepted());
      assertEquals(1, added.counts().yes());
      assertKind(
          DomainException.Kind.NOT_FOUND,
          "key",
          () -> annotations.undo(dog, SyntheticCorpora.key(0), "bob", "bob"));
      AnnotationService.Undone undone =
          annotations.undo(dog, SyntheticCorpora.key(1), "bob", "root");
      assertEquals("removed", undone.removed().value());
      assertEquals(0, undone.counts().no());
      assertEquals(
          "vote-removed",
          store.users().auditTrail(1).getFirst().action(),
          "another's undo is audited");
      assertEquals(1, annotations.current(dog).annotations().size());
      assertEquals(3, annotations.history(dog, null, null, 10, 0).events().size());
      assertEquals(
          2, annotations.history(dog, SyntheticCorpora.key(1), null, 10, 0).events().size());

      assertEquals("dog", labels.delete("dog", "root").deleted());
      assertKind(DomainException.Kind.NOT_FOUND, "label", () -> labels.require("dog"));
      assertEquals(List.of("cat"), labels.list().stream().map(v -> v.name()).toList());
    }
  }

  /** Pages skip what was annotated since the build; the auto feed names the arm it picked. */
  private static void feedsPageAroundAnnotatedClips(
      FeedService feeds, AnnotationService annotations, Label beach, AnnotationStore store) {
    assertKind(
        DomainException.Kind.NOT_FOUND,
        "feed",
        () -> feeds.page(beach, Worker.annotator("alice"), "sideways", 5, 0));
    FeedService.FeedPage first = feeds.page(beach, Worker.annotator("alice"), "top-positive", 5, 0);
    assertEquals(5, first.items().size());
    assertEquals(1, first.modelVersion());
    String shown = first.items().getFirst().key();
    annotations.add(beach, List.of(new NewVote(shown, Value.YES, "alice", Source.other())));
    FeedService.FeedPage again = feeds.page(beach, Worker.annotator("alice"), "top-positive", 5, 0);
    assertTrue(
        again.items().stream().noneMatch(i -> i.key().equals(shown)),
        "an annotated clip is not offered again");
    assertEquals(first.items().get(1).key(), again.items().getFirst().key());
    FeedService.FeedPage auto = feeds.page(beach, Worker.annotator("alice"), "auto", 3, 0);
    assertEquals("auto", auto.feed());
    assertTrue(
        org.videoannotator.learn.feeds.FeedRegistry.arms().contains(auto.chosenFeed()),
        auto.chosenFeed());
    assertTrue(
        BuildService.rows(store).rewards("beach").stream()
            .anyMatch(r -> r.feed().equals("top-positive") && r.answered() == 1),
        "the vote on a top-positive clip credited that arm");
  }

  /**
   * CSV out and back into another label; Labelbox has a line per clip; someone else's votes are
   * refused.
   */
  private static void exchangeRoundTrips(ExchangeService exchange, LabelService labels, Label beach)
      throws Exception {
    String csv = exchange.exportCsv(beach);
    assertEquals(62, csv.split("\n").length, "a header and the 61 current votes");
    labels.create(new LabelService.LabelDraft("copy", "", List.of()));
    Label copy = labels.require("copy");
    assertKind(
        DomainException.Kind.FORBIDDEN,
        "annotator",
        () -> exchange.importFile(copy, "csv", csv, "bob", Optional.of("bob"), "bob"));
    ExchangeService.Imported imported =
        exchange.importFile(
            copy,
            "csv",
            csv + "no-such-clip,yes,alice,,other\n",
            "alice",
            Optional.empty(),
            "alice");
    assertEquals(61, imported.imported());
    assertEquals(List.of("no-such-clip"), imported.unknownKeys());
    assertKind(
        DomainException.Kind.INVALID,
        "body",
        () -> exchange.importFile(copy, "csv", "", "a", Optional.empty(), "a"));
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    exchange.exportLabelbox(beach, ndjson);
    assertEquals(
        400,
        ndjson.toString(StandardCharsets.UTF_8).split("\n").length,
        "the model's answer for every clip");
  }

  private static void assertKind(DomainException.Kind kind, String field, Executable call) {
    DomainException e = assertThrows(DomainException.class, call);
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
  }
}
