package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.server.store.Role;
import org.videoannotator.testkit.JsonHttp;

/**
 * Issue 26 item 2 over real HTTP, with accounts: at overlap 1 annotators paging a feed at once get
 * disjoint pages and a clip one of them labels leaves the others' pages (and their {@code /taken}
 * poll reports it); at overlap 3 each clip is served to three, never to one twice, and leaves the
 * feeds once it has its three votes; assignees alone are served and vote.
 */
class TeamWorkTest extends ServerTestBase {
  private static final String LABEL = "/api/labels/beach";
  private static final String FEED = LABEL + "/feeds/top-positive";

  /** One annotator's client: their account's bearer credential on every request. */
  private record As(JsonHttp http, String name, String credential) {
    JsonHttp.Reply send(String method, String path, Object body) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(http.base() + path))
              .header("Authorization", "Bearer " + name + ":" + credential);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json");
        b.method(
            method,
            HttpRequest.BodyPublishers.ofString(Json.mapper().valueToTree(body).toString()));
      }
      return http.send(b);
    }

    JsonNode ok(String method, String path, Object body) {
      JsonHttp.Reply r = send(method, path, body);
      assertTrue(
          r.status() / 100 == 2,
          name + " " + method + " " + path + ": " + r.status() + " " + r.body());
      return r.json();
    }

    JsonNode page(int k) {
      return ok("GET", FEED + "?k=" + k, null);
    }

    void vote(List<String> keys) {
      List<Map<String, Object>> batch = new ArrayList<>();
      keys.forEach(key -> batch.add(Map.of("key", key, "value", "yes")));
      ok("POST", LABEL + "/annotations", Map.of("annotations", batch));
    }
  }

  private As ada;
  private As bob;
  private As cy;
  private As dee;
  private As vic;

  /** A built label (votes by alice before accounts existed), then four accounts: ada the admin. */
  private void team() throws InterruptedException {
    createLabel("beach");
    assertEquals(
        201,
        labelByTruth("beach", conceptKeys(10, 10, clip -> true), Map.of("kind", "other")).status());
    assertEquals("done", build("beach").get("status").asText());
    var users = runtime.store().users();
    ada = new As(http, "ada", users.add("ada", Role.ADMIN));
    bob = new As(http, "bob", users.add("bob", Role.ANNOTATOR));
    cy = new As(http, "cy", users.add("cy", Role.ANNOTATOR));
    dee = new As(http, "dee", users.add("dee", Role.ANNOTATOR));
    vic = new As(http, "vic", users.add("vic", Role.VIEWER));
  }

  private static List<String> items(JsonNode page) {
    return keys(page.get("items"), "key");
  }

  /** The pages these annotators get when they ask at the same moment. */
  private static List<List<String>> atOnce(List<As> who, int k) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(who.size());
    try {
      CyclicBarrier start = new CyclicBarrier(who.size());
      List<Future<List<String>>> pages = new ArrayList<>();
      for (As a : who) {
        pages.add(
            pool.submit(
                () -> {
                  start.await();
                  return items(a.page(k));
                }));
      }
      List<List<String>> out = new ArrayList<>();
      for (Future<List<String>> p : pages) {
        out.add(p.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void atOverlapOneTeammatesGetDisjointPagesAndALabelledClipLeavesTheOthers() throws Exception {
    team();
    assertEquals(1, ada.ok("GET", LABEL, null).get("overlap").asInt(), "the default overlap");
    List<String> viewed = items(vic.page(8));
    assertEquals(viewed, items(bob.page(8)), "a viewer reads a feed but claims nothing");
    List<List<String>> pages = atOnce(List.of(bob, cy, dee), 8);
    Set<String> union = new HashSet<>();
    pages.forEach(union::addAll);
    assertEquals(24, union.size(), "three pages of 8 asked at once, no clip twice: " + pages);

    JsonNode cyPage = cy.page(8);
    assertEquals(pages.get(1), items(cyPage), "cy's own claims still serve her the same page");
    String taken = items(cyPage).get(2);
    bob.vote(List.of(taken)); // bob labels a clip on cy's page (found by search, say)
    JsonNode polled = cy.ok("GET", LABEL + "/taken?after=" + cyPage.get("cursor").asLong(), null);
    assertEquals(List.of(taken), keys(polled.get("keys"), null), "cy's poll reports bob's clip");
    assertEquals(
        List.of(),
        keys(
            bob.ok("GET", LABEL + "/taken?after=" + cyPage.get("cursor").asLong(), null)
                .get("keys"),
            null),
        "bob's own vote is not taken from him");
    assertFalse(items(cy.page(8)).contains(taken), "nor does her next page hold it");

    bob.vote(pages.get(0));
    for (As a : List.of(ada, bob, cy, dee)) {
      List<String> page = items(a.page(40));
      assertTrue(
          page.stream().noneMatch(pages.get(0)::contains),
          a.name() + " is not served a clip bob labelled");
    }
  }

  @Test
  void atOverlapThreeEachClipGoesToThreeAnnotatorsAndLeavesOnceItHasTheirVotes() throws Exception {
    team();
    assertEquals(
        403,
        bob.send("PATCH", LABEL + "/assignment", Map.of("overlap", 3)).status(),
        "only an admin sets it");
    assertEquals(
        3, ada.ok("PATCH", LABEL + "/assignment", Map.of("overlap", 3)).get("overlap").asInt());
    assertEquals(3, bob.ok("GET", LABEL, null).get("overlap").asInt(), "the label view shows it");
    assertTrue(
        runtime.store().users().auditTrail(5).stream()
            .anyMatch(e -> e.action().equals("label-assigned")));

    List<List<String>> pages = atOnce(List.of(ada, bob, cy), 6);
    assertEquals(
        pages.get(0), pages.get(1), "overlap 3: ada, bob and cy are all served the first clips");
    assertEquals(pages.get(0), pages.get(2));
    List<String> first = pages.get(0);
    assertTrue(
        items(dee.page(20)).stream().noneMatch(first::contains),
        "three hold them: dee gets others");

    bob.vote(first);
    assertTrue(
        items(bob.page(20)).stream().noneMatch(first::contains), "never a clip bob voted on");
    JsonNode needs = cy.ok("GET", LABEL + "/review?filter=needs-vote&k=100", null);
    Set<String> cyNeeds = new HashSet<>();
    needs.get("items").forEach(item -> cyNeeds.add(item.get("annotation").get("key").asText()));
    assertTrue(
        cyNeeds.containsAll(first),
        "cy's review queue holds the clips bob voted on and she has not");

    long cursor = dee.page(1).get("cursor").asLong();
    ada.vote(first);
    assertEquals(
        List.of(),
        keys(dee.ok("GET", LABEL + "/taken?after=" + cursor, null).get("keys"), null),
        "two votes of three: nothing taken yet");
    cy.vote(first.subList(0, 3));
    assertEquals(
        first.subList(0, 3),
        keys(dee.ok("GET", LABEL + "/taken?after=" + cursor, null).get("keys"), null),
        "the clips with three votes are reported taken");
    for (As a : List.of(ada, bob, cy, dee)) {
      assertTrue(
          items(a.page(60)).stream().noneMatch(first.subList(0, 3)::contains),
          a.name() + " is not served a clip with its three votes");
    }
  }

  @Test
  void aLabelWithAssigneesServesAndTakesVotesFromThemOnly() throws Exception {
    team();
    JsonHttp.Reply viewer =
        ada.send("PATCH", LABEL + "/assignment", Map.of("assignees", List.of("vic")));
    assertEquals(400, viewer.status(), viewer.body());
    ada.ok("PATCH", LABEL + "/assignment", Map.of("assignees", List.of("bob", "dee")));
    assertEquals(
        List.of("bob", "dee"),
        keys(cy.ok("GET", LABEL + "/assignment", null).get("assignees"), null));
    JsonHttp.Reply refused = cy.send("GET", FEED + "?k=5", null);
    assertEquals(403, refused.status(), refused.body());
    assertEquals("not-assigned", refused.json().get("error").asText());
    String key = items(bob.page(5)).getFirst();
    assertEquals(
        403, cy.send("POST", LABEL + "/annotations", Map.of("key", key, "value", "no")).status());
    bob.vote(List.of(key));
    ada.ok("PATCH", LABEL + "/assignment", Map.of("assignees", List.of()));
    assertEquals(200, cy.send("GET", FEED + "?k=5", null).status(), "[] is everyone again");
  }
}
