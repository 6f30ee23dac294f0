package org.videoannotator.server.builds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The random feed may repeat another arm's clip: the snapshot says which arms offer a clip. */
class FeedSnapshotTest {
  private final FeedSnapshot snapshot =
      new FeedSnapshot(
          7,
          2,
          Map.of(
              "top-positive", List.of(new FeedItem("a", 0.9f), new FeedItem("b", 0.8f)),
              "random", List.of(new FeedItem("b", 0.8f), new FeedItem("c", 0.1f)),
              "borderline-diverse", List.of(new FeedItem("b", 0.8f))),
          0.5);

  @Test
  void aClipInTwoArmsIsMarkedInEachAndCreditedToTheFeedItWasShownIn() {
    assertEquals(
        List.of("top-positive", "random"),
        snapshot.armsOf("b"),
        "arms in registry order, variants left out");
    assertEquals(List.of("top-positive"), snapshot.alsoIn("random", "b"));
    assertEquals(List.of("random"), snapshot.alsoIn("top-positive", "b"));
    assertEquals(List.of(), snapshot.alsoIn("random", "c"));
    assertEquals("random", snapshot.find("b", "random").orElseThrow().getKey());
    assertEquals(
        "top-positive",
        snapshot.find("b", null).orElseThrow().getKey(),
        "without a source: the first arm");
    assertEquals(
        "top-positive",
        snapshot.find("b", "borderline").orElseThrow().getKey(),
        "a feed that did not offer it");
    assertEquals(true, snapshot.find("z", "random").isEmpty());
  }
}
