package org.videoannotator.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.testkit.SyntheticCorpora;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.BuildStatus;
import org.videoannotator.server.models.ScoringService;
import org.videoannotator.server.review.ReviewService;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/** Review and scoring as plain services over a real corpus, store and build: no HTTP involved. */
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
      ReviewService reviews = new ReviewService(corpus, store, builds);
      ReviewService.ReviewPage before = reviews.review("beach", ReviewService.Filter.ALL, 100, 0);
      assertEquals(60, before.total());
      assertNull(before.items().getFirst().modelScore(), "no model before the first build");

      BuildStatus status = builds.start("beach", 1, 20);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!builds.status(status.id()).orElseThrow().finishedState() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(BuildStatus.DONE, builds.status(status.id()).orElseThrow().status());

      ReviewService.ReviewPage after = reviews.review("beach", ReviewService.Filter.POSITIVES, 100, 0);
      assertTrue(after.total() > 0);
      after.items().forEach(item -> {
        assertEquals(Value.YES.wire(), item.annotation().value());
        assertNotNull(item.modelScore());
      });

      ScoringService scoring = new ScoringService(corpus, store, builds);
      var model = scoring.latest("beach").orElseThrow();
      assertEquals(1, scoring.versions("beach").size());
      var scores = scoring.score(model, Optional.of(List.of(SyntheticCorpora.key(100), SyntheticCorpora.key(101))));
      assertEquals(2, scores.size());
      assertTrue(scores.stream().allMatch(s -> s.score() >= 0 && s.score() <= 1));
      assertEquals(0, scoring.score(model, Optional.empty()).size(), "nothing was appended since the build");
      assertThrows(ScoringService.UnknownKeyException.class,
          () -> scoring.score(model, Optional.of(List.of("no such clip"))));
      ScoringService.Preview preview = scoring.preview("beach", model, 5);
      assertEquals(5, preview.items().size());
      assertEquals(340, preview.sampled(), "the 60 annotated clips are left out of the sample");
    }
  }
}
