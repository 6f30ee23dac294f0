package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.SyntheticCorpora;

/** A build that names no feed size still fills all four feeds on a small corpus. */
class FeedSizeTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 300;
  }

  @Test
  void theDefaultFeedSizeLeavesRoomForEveryFeed() throws Exception {
    createLabel("small");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(SyntheticCorpora.key(i));
    }
    labelByTruth("small", keys, Map.of("kind", "other"));
    JsonNode status = build("small");
    assertEquals("done", status.get("status").asText(), status.toString());
    assertEquals(60, status.get("feedSize").asInt(), "a fifth of the corpus");
    for (String feed : List.of("top-positive", "top-negative", "borderline", "random")) {
      JsonNode items = http.get("/api/labels/small/feeds/" + feed + "?k=100").json().get("items");
      assertTrue(items.size() > 0, feed + " is empty");
    }
  }
}
