package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.datasets.AggEntry;
import org.videoannotator.datasets.Checkpoint;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 26, items 3 and 4, as the issue checks them: three simulated annotators with known error
 * rates vote on the same clips (overlap 3) through the real server's API; the agreement figures
 * equal a computation written here from the definitions, on the votes the test cast; the
 * adjudication queue holds exactly the clips whose votes differ; once they are settled, the counts,
 * the build's training set and the VA export use the settled answers; an undo brings the majority
 * back, and every settlement is in the log and the audit trail.
 */
class TeamTest extends ServerTestBase {
  private static final String[] ANNOTATORS = {"ada", "bob", "cy"};
  private static final double[] ERROR_RATES = {0.05, 0.15, 0.30};
  private static final double EPS = 1e-9;

  @Test
  void threeAnnotatorsAgreementAdjudicationBuildAndExport() throws Exception {
    createLabel("beach");
    List<String> keys = conceptKeys(60, 90, c -> true);
    Map<String, Boolean> truth = new LinkedHashMap<>();
    keys.forEach(
        k -> truth.put(k, SyntheticCorpora.concept(runtime.corpus().clip(k).orElseThrow())));
    boolean[][] votes = castVotes(keys, truth);

    JsonNode agreement = http.get("/api/labels/beach/agreement").json();
    int n = keys.size();
    assertEquals(n, agreement.get("clips").asInt());
    assertFigure(agreement.get("unanimity"), unanimity(votes), n);
    assertFigure(agreement.get("pairwise"), pairwise(votes), n);
    assertFigure(agreement.get("fleissKappa"), fleiss(votes), n);
    assertEquals(3, agreement.get("fleissRaters").asInt());
    assertFigure(agreement.get("krippendorffAlpha"), alpha(votes), n);
    assertEquals(3, agreement.get("pairs").size());
    for (JsonNode pair : agreement.get("pairs")) {
      int a = List.of(ANNOTATORS).indexOf(pair.get("a").asText());
      int b = List.of(ANNOTATORS).indexOf(pair.get("b").asText());
      assertFigure(pair.get("percent"), percent(votes, a, b), n);
      assertFigure(pair.get("cohenKappa"), cohen(votes, a, b), n);
    }
    // The better annotator agrees more with the others: the figures carry the error rates' order.
    assertTrue(
        figure(agreement, "ada", "bob") > figure(agreement, "bob", "cy"), agreement.toString());
    boolean[] majority = majority(votes);
    for (JsonNode member : agreement.get("members")) {
      int who = List.of(ANNOTATORS).indexOf(member.get("annotator").asText());
      assertEquals(n, member.get("votes").asInt());
      assertFigure(member.get("consensus"), share(votes, who, majority), n);
      assertTrue(member.get("model").isNull(), "no model before the first build");
    }

    // The queue: exactly the clips whose three votes are not all the same.
    Set<String> disagreeing = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!(votes[i][0] == votes[i][1] && votes[i][1] == votes[i][2])) {
        disagreeing.add(keys.get(i));
      }
    }
    assertTrue(
        disagreeing.size() > 10, "error rates of 5-30 % give disagreements: " + disagreeing.size());
    JsonNode queue = http.get("/api/labels/beach/adjudication?k=10000").json();
    assertEquals(disagreeing, new HashSet<>(queueKeys(queue)));
    assertEquals(disagreeing.size(), queue.get("open").asInt());
    assertEquals(0, queue.get("settled").asInt());
    assertEquals(disagreeing.size(), agreement.get("disputed").asInt());

    // Settle every disagreement with the truth (the adjudicator knows), some with a note.
    for (String key : disagreeing) {
      Map<String, Object> body =
          new HashMap<>(Map.of("key", key, "value", truth.get(key) ? "yes" : "no"));
      body.put("note", "checked the shot again");
      JsonHttp.Reply settled =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/labels/beach/adjudication"))
                  .header("Content-Type", "application/json")
                  .header("X-Annotator", "sam")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
      assertEquals(200, settled.status(), settled.body());
      assertEquals(
          truth.get(key) ? "yes" : "no", settled.json().get("annotation").get("value").asText());
      assertEquals("sam", settled.json().get("annotation").get("settlement").get("by").asText());
    }
    queue = http.get("/api/labels/beach/adjudication?k=10000").json();
    assertEquals(0, queue.get("open").asInt());
    assertEquals(disagreeing.size(), queue.get("settled").asInt());
    assertEquals(
        disagreeing,
        new HashSet<>(
            queueKeys(http.get("/api/labels/beach/adjudication?state=settled&k=10000").json())));

    // The consensus now: the settled answer on disputed clips, the unanimous one elsewhere.
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      expected.put(
          keys.get(i), disagreeing.contains(keys.get(i)) ? truth.get(keys.get(i)) : votes[i][0]);
    }
    long overruled =
        disagreeing.stream().filter(k -> majority[keys.indexOf(k)] != truth.get(k)).count();
    assertTrue(
        overruled > 0,
        "some settlements overrule the majority, or the checks below could not tell");
    Set<String> expectedYes = new HashSet<>();
    expected.forEach(
        (k, yes) -> {
          if (yes) {
            expectedYes.add(k);
          }
        });
    JsonNode counts = http.get("/api/labels/beach/annotations").json().get("counts");
    assertEquals(expectedYes.size(), counts.get("yes").asInt());
    assertEquals(n - expectedYes.size(), counts.get("no").asInt());

    JsonNode build = build("beach");
    assertEquals("done", build.get("status").asText(), build.toString());
    assertEquals(expectedYes.size(), build.get("positives").asInt(), build.toString());

    Path dir = exportVa("beach");
    try (VaDataset dataset = VaDataset.open(dir)) {
      List<AggEntry> agg = dataset.agg("beach");
      assertEquals(n, agg.size());
      for (AggEntry e : agg) {
        int i = keys.indexOf(e.key());
        assertEquals(
            expected.get(e.key()), e.agg(), "agg is the settled-or-majority answer of " + e.key());
        int yes = (votes[i][0] ? 1 : 0) + (votes[i][1] ? 1 : 0) + (votes[i][2] ? 1 : 0);
        assertEquals(yes, e.posCnt(), "pos_cnt counts the yes votes of " + e.key());
        assertEquals(2, e.secondaries().size());
      }
      List<Checkpoint> checkpoints = dataset.checkpoints("beach").orElseThrow();
      assertEquals(
          expectedYes,
          new HashSet<>(checkpoints.getLast().pos()),
          "the build trained on the settled answers");
    }
    // The CSV export carries each settlement as a row of the reserved annotator; an import of the
    // file takes the votes and skips those rows (a file cannot settle).
    String csv = http.get("/api/labels/beach/export?format=csv").body();
    Map<String, String> settledRows = new HashMap<>();
    for (String line : csv.split("\n")) {
      String[] f = line.split(",");
      if (f.length == 5 && f[2].equals("#settled")) {
        assertEquals("settlement by sam", f[4], line);
        settledRows.put(f[0], f[1]);
      }
    }
    Map<String, String> expectedSettled = new HashMap<>();
    disagreeing.forEach(k -> expectedSettled.put(k, truth.get(k) ? "yes" : "no"));
    assertEquals(expectedSettled, settledRows);
    createLabel("beach-copy");
    JsonNode imported = http.post("/api/labels/beach-copy/import?format=csv", csv).json();
    assertEquals(3 * n, imported.get("imported").asInt(), imported.toString());
    assertEquals(disagreeing.size(), imported.get("skipped").asInt(), imported.toString());

    JsonNode aggJson = Json.mapper().readTree(dir.resolve("agg/beach.json").toFile());
    assertEquals(
        "ada",
        aggJson.get("primary").asText(),
        "every annotator answered 150 times: the first by name");
    assertEquals(List.of("bob", "cy"), keys(aggJson.get("secondaries"), null));
    JsonNode first = aggJson.get("data").get(0);
    int i0 = keys.indexOf(first.get("key").asText());
    assertEquals(votes[i0][0], first.get("primary").asBoolean());
    assertEquals(votes[i0][1], first.get("secondaries").get("bob").asBoolean());
    assertEquals(votes[i0][2], first.get("secondaries").get("cy").asBoolean());

    // Agreement with the model: the latest version's decisions at its threshold, checked against
    // the scores the model route gives.
    agreement = http.get("/api/labels/beach/agreement").json();
    JsonNode model = agreement.get("model");
    assertEquals(build.get("modelVersion").asInt(), model.get("version").asInt());
    JsonNode scores =
        http.post(
                "/api/labels/beach/models/" + model.get("version").asInt() + "/score",
                Map.of("keys", keys))
            .json()
            .get("scores");
    double threshold = model.get("threshold").asDouble();
    for (JsonNode member : agreement.get("members")) {
      int who = List.of(ANNOTATORS).indexOf(member.get("annotator").asText());
      int same = 0;
      int nearCut = 0;
      for (JsonNode s : scores) {
        int i = keys.indexOf(s.get("key").asText());
        double p = s.get("score").asDouble();
        nearCut += Math.abs(p - threshold) < 1e-6 ? 1 : 0; // the route's scores are floats
        same += (p >= threshold) == votes[i][who] ? 1 : 0;
      }
      assertEquals(n, member.get("model").get("clips").asInt());
      assertEquals(
          same, member.get("model").get("value").asDouble() * n, nearCut + 1e-6, member.toString());
      assertEquals(disagreeing.size(), agreement.get("settled").asInt());
    }

    // Undo one settlement: the majority counts again; both steps are in the log and the audit
    // trail.
    String undone = disagreeing.iterator().next();
    JsonHttp.Reply undo =
        http.delete(
            "/api/labels/beach/adjudication?key="
                + java.net.URLEncoder.encode(undone, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, undo.status(), undo.body());
    int iu = keys.indexOf(undone);
    assertEquals(majority[iu] ? "yes" : "no", undo.json().get("annotation").get("value").asText());
    assertFalse(undo.json().get("annotation").has("settlement"));
    assertEquals(
        404,
        http.delete(
                "/api/labels/beach/adjudication?key="
                    + java.net.URLEncoder.encode(undone, java.nio.charset.StandardCharsets.UTF_8))
            .status(),
        "nothing left to undo");
    assertEquals(1, http.get("/api/labels/beach/adjudication").json().get("open").asInt());
    JsonNode history =
        http.get("/api/labels/beach/history?annotator=%23settled&limit=10000").json().get("events");
    assertEquals(disagreeing.size() + 1, history.size());
    assertEquals("removed", history.get(0).get("value").asText());
    assertEquals("settle", history.get(1).get("source").get("kind").asText());
    long audited =
        runtime.store().users().auditTrail(10_000).stream()
            .filter(a -> a.action().equals("settled") || a.action().equals("settlement-undone"))
            .count();
    assertEquals(disagreeing.size() + 1, audited);
  }

  @Test
  void settlingRefusesWhatItCannotDo() {
    createLabel("beach");
    String key = SyntheticCorpora.key(3);
    String nobody = SyntheticCorpora.key(4);
    assertEquals(
        201,
        http.post(
                "/api/labels/beach/annotations",
                Map.of(
                    "annotations",
                    List.of(
                        Map.of("key", key, "value", "yes", "annotator", "ada"),
                        Map.of("key", key, "value", "no", "annotator", "bob"))))
            .status());
    JsonHttp.Reply reserved =
        http.post(
            "/api/labels/beach/annotations",
            Map.of("key", key, "value", "yes", "annotator", "#settled"));
    assertEquals(400, reserved.status(), "no vote may pass for a settlement: " + reserved.body());
    JsonHttp.Reply unsure =
        http.post("/api/labels/beach/adjudication", Map.of("key", key, "value", "unsure"));
    assertEquals(400, unsure.status(), unsure.body());
    assertEquals("value", unsure.json().get("field").asText());
    assertEquals(
        404,
        http.post("/api/labels/beach/adjudication", Map.of("key", nobody, "value", "yes"))
            .status());
    assertEquals(400, http.post("/api/labels/beach/adjudication", Map.of("value", "yes")).status());
    assertEquals(
        400,
        http.post(
                "/api/labels/beach/adjudication",
                Map.of("key", key, "value", "yes", "note", "x".repeat(1001)))
            .status());
    assertEquals(
        404,
        http.post("/api/labels/nope/adjudication", Map.of("key", key, "value", "yes")).status());
    assertEquals(400, http.get("/api/labels/beach/adjudication?state=later").status());
    assertEquals(400, http.delete("/api/labels/beach/adjudication").status());
    // Settling twice replaces the settlement; a later vote does not undo it.
    assertEquals(
        200,
        http.post("/api/labels/beach/adjudication", Map.of("key", key, "value", "yes")).status());
    assertEquals(
        200,
        http.post("/api/labels/beach/adjudication", Map.of("key", key, "value", "no")).status());
    assertEquals(
        201,
        http.post(
                "/api/labels/beach/annotations",
                Map.of("key", key, "value", "yes", "annotator", "cy"))
            .status());
    JsonNode a = http.get("/api/labels/beach/annotations").json().get("annotations").get(0);
    assertEquals("no", a.get("value").asText(), a.toString());
    assertEquals(3, a.get("votes").size(), "the settlement is not a vote: " + a);
  }

  private boolean[][] castVotes(List<String> keys, Map<String, Boolean> truth) {
    Random random = new Random(26);
    boolean[][] votes = new boolean[keys.size()][ANNOTATORS.length];
    for (int who = 0; who < ANNOTATORS.length; who++) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        boolean answer = truth.get(keys.get(i)) ^ (random.nextDouble() < ERROR_RATES[who]);
        votes[i][who] = answer;
        batch.add(
            Map.of(
                "key",
                keys.get(i),
                "value",
                answer ? "yes" : "no",
                "annotator",
                ANNOTATORS[who],
                "source",
                Map.of("kind", "review")));
      }
      // In pages of 25, as the UI sends them.
      for (int at = 0; at < batch.size(); at += 25) {
        JsonHttp.Reply r =
            http.post(
                "/api/labels/beach/annotations",
                Map.of("annotations", batch.subList(at, Math.min(batch.size(), at + 25))));
        assertEquals(201, r.status(), r.body());
      }
    }
    return votes;
  }

  private static List<String> queueKeys(JsonNode queue) {
    List<String> out = new ArrayList<>();
    queue.get("items").forEach(item -> out.add(item.get("annotation").get("key").asText()));
    return out;
  }

  private static double figure(JsonNode agreement, String a, String b) {
    for (JsonNode pair : agreement.get("pairs")) {
      if (pair.get("a").asText().equals(a) && pair.get("b").asText().equals(b)) {
        return pair.get("percent").get("value").asDouble();
      }
    }
    throw new AssertionError("no pair " + a + "/" + b);
  }

  private static void assertFigure(JsonNode figure, double value, int clips) {
    assertEquals(value, figure.get("value").asDouble(), EPS, figure.toString());
    assertEquals(clips, figure.get("clips").asInt(), figure.toString());
  }

  // ---- the independent computation: complete data, three raters, yes/no, from the definitions

  private static int yes(boolean[] clip) {
    int y = 0;
    for (boolean v : clip) {
      y += v ? 1 : 0;
    }
    return y;
  }

  private static double unanimity(boolean[][] votes) {
    int all = 0;
    for (boolean[] clip : votes) {
      all += yes(clip) == 0 || yes(clip) == 3 ? 1 : 0;
    }
    return (double) all / votes.length;
  }

  /** Of a clip's three pairs of votes, y(y-1)/2 + (3-y)(2-y)/2 agree. */
  private static double pairwise(boolean[][] votes) {
    double agree = 0;
    for (boolean[] clip : votes) {
      int y = yes(clip);
      agree += (y * (y - 1) + (3 - y) * (2 - y)) / 2.0;
    }
    return agree / (3.0 * votes.length);
  }

  private static double percent(boolean[][] votes, int a, int b) {
    int same = 0;
    for (boolean[] clip : votes) {
      same += clip[a] == clip[b] ? 1 : 0;
    }
    return (double) same / votes.length;
  }

  private static double cohen(boolean[][] votes, int a, int b) {
    double n = votes.length;
    double yesA = 0;
    double yesB = 0;
    for (boolean[] clip : votes) {
      yesA += clip[a] ? 1 : 0;
      yesB += clip[b] ? 1 : 0;
    }
    double po = percent(votes, a, b);
    double pe = (yesA / n) * (yesB / n) + (1 - yesA / n) * (1 - yesB / n);
    return (po - pe) / (1 - pe);
  }

  private static double fleiss(boolean[][] votes) {
    double pBar = 0;
    double yesShare = 0;
    for (boolean[] clip : votes) {
      int y = yes(clip);
      pBar += (y * (y - 1) + (3 - y) * (2 - y)) / 6.0;
      yesShare += y / 3.0;
    }
    pBar /= votes.length;
    yesShare /= votes.length;
    double pe = yesShare * yesShare + (1 - yesShare) * (1 - yesShare);
    return (pBar - pe) / (1 - pe);
  }

  /** Coincidences off the diagonal: each clip adds 2 * y * (3 - y) / (3 - 1); n = 3 per clip. */
  private static double alpha(boolean[][] votes) {
    double n = 3.0 * votes.length;
    double off = 0;
    double nYes = 0;
    for (boolean[] clip : votes) {
      int y = yes(clip);
      off += 2.0 * y * (3 - y) / 2.0;
      nYes += y;
    }
    double nNo = n - nYes;
    return 1 - (n - 1) * off / (2 * nYes * nNo);
  }

  private static boolean[] majority(boolean[][] votes) {
    boolean[] out = new boolean[votes.length];
    for (int i = 0; i < votes.length; i++) {
      out[i] = yes(votes[i]) >= 2;
    }
    return out;
  }

  private static double share(boolean[][] votes, int who, boolean[] consensus) {
    int same = 0;
    for (int i = 0; i < votes.length; i++) {
      same += votes[i][who] == consensus[i] ? 1 : 0;
    }
    return (double) same / votes.length;
  }
}
