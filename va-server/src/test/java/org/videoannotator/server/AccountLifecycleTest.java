package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Role;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 27 points 2, 3 and 4: removing or resetting an account ends its bearers and sessions in the
 * running server; removing the last one never switches authentication off; guesses are counted
 * before they are checked, per (name, address), and a right credential still works from a throttled
 * address (known, or checked for the first time); a stranger's upload is cut off unread.
 */
class AccountLifecycleTest {
  @TempDir Path temp;

  private static int status(
      String base, String method, String path, String credential, String cookie, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (credential != null) {
      b.header("Authorization", "Bearer " + credential);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String login(String base, String name, String secret) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&secret=" + secret))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(302, r.statusCode(), r.body());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** What {@code va users} does: another connection to the corpus's database. */
  private static AnnotationStore cli(ServerRuntime runtime) {
    return AnnotationStore.open(runtime.corpus().layout().annotations());
  }

  @Test
  void removingOrResettingAnAccountEndsItsCredentialsAtOnce() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), null)) {
      runtime.store().users().add("ada", Role.ADMIN);
      String bob = runtime.store().users().add("bob", Role.ANNOTATOR);
      String carl = runtime.store().users().add("carl", Role.ANNOTATOR);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      String vote = "{\"key\":\"" + SyntheticCorpora.key(0) + "\",\"value\":\"yes\"}";
      assertEquals(
          201,
          status(
              base,
              "POST",
              "/api/labels",
              "bob:" + bob,
              null,
              "{\"name\":\"l\",\"description\":\"d\"}"));
      String bobSession = login(base, "bob", bob);
      assertEquals(
          201, status(base, "POST", "/api/labels/l/annotations", "bob:" + bob, null, vote));
      assertEquals(201, status(base, "POST", "/api/labels/l/annotations", null, bobSession, vote));

      try (AnnotationStore store = cli(runtime)) {
        assertTrue(store.users().remove("bob"));
      }
      Thread.sleep(1_000);
      assertEquals(
          401,
          status(base, "POST", "/api/labels/l/annotations", "bob:" + bob, null, vote),
          "removed: bearer");
      assertEquals(
          401,
          status(base, "POST", "/api/labels/l/annotations", null, bobSession, vote),
          "removed: session");

      String carlSession = login(base, "carl", carl);
      assertEquals(
          201, status(base, "POST", "/api/labels/l/annotations", "carl:" + carl, null, vote));
      String carlNew;
      try (AnnotationStore store = cli(runtime)) {
        carlNew = store.users().resetSecret("carl");
      }
      Thread.sleep(1_000);
      assertEquals(
          401,
          status(base, "POST", "/api/labels/l/annotations", "carl:" + carl, null, vote),
          "reset: old secret");
      assertEquals(
          401,
          status(base, "POST", "/api/labels/l/annotations", null, carlSession, vote),
          "reset: old session");
      assertEquals(
          201,
          status(base, "POST", "/api/labels/l/annotations", "carl:" + carlNew, null, vote),
          "reset: new secret");
    }
  }

  @Test
  void removingTheLastAccountLeavesTheServerRefusingEveryone() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), null)) {
      String ada = runtime.store().users().add("ada", Role.ADMIN);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      assertEquals(
          201,
          status(
              base,
              "POST",
              "/api/labels",
              "ada:" + ada,
              null,
              "{\"name\":\"keep\",\"description\":\"d\"}"));
      try (AnnotationStore store = cli(runtime)) {
        assertTrue(store.users().remove("ada"));
      }
      assertEquals(401, status(base, "GET", "/api/labels", null, null, null));
      assertEquals(
          401,
          status(
              base, "POST", "/api/labels", null, null, "{\"name\":\"x\",\"description\":\"d\"}"));
      try (Socket s = new Socket("127.0.0.1", runtime.port())) {
        s.getOutputStream()
            .write(
                ("DELETE /api/labels/keep HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        int refused = RawReply.read(s.getInputStream()).status();
        assertTrue(
            refused == 401 || refused == 403, "a rebinding page gets nothing either: " + refused);
      }
      assertEquals(1, runtime.store().labels().size(), "the label survived");
    }
  }

  @Test
  void viewersScoreAndLabelEditsAndRevivalsAreAuditedByOneRule() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), null)) {
      String ada = "ada:" + runtime.store().users().add("ada", Role.ADMIN);
      String bob = "bob:" + runtime.store().users().add("bob", Role.ANNOTATOR);
      String vic = "vic:" + runtime.store().users().add("vic", Role.VIEWER);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      assertEquals(
          201,
          status(base, "POST", "/api/labels", bob, null, "{\"name\":\"l\",\"description\":\"d\"}"));
      assertEquals(
          404,
          status(base, "POST", "/api/labels/l/models/1/score", vic, null, "{\"keys\":[]}"),
          "scoring only reads: a viewer gets past the role check (no model yet: 404)");
      assertEquals(
          403,
          status(base, "POST", "/api/labels/l/builds", vic, null, "{}"),
          "a build changes things");
      assertEquals(
          200, status(base, "PATCH", "/api/labels/l", bob, null, "{\"description\":\"sharper\"}"));
      assertEquals(200, status(base, "DELETE", "/api/labels/l", ada, null, null));
      assertEquals(
          403,
          status(base, "POST", "/api/labels", bob, null, "{\"name\":\"l\",\"description\":\"d\"}"),
          "an annotator cannot bring back what an admin deleted");
      assertEquals(
          201,
          status(base, "POST", "/api/labels", ada, null, "{\"name\":\"l\",\"description\":\"d\"}"));
      List<String> audit =
          runtime.store().users().auditTrail(20).stream()
              .map(e -> e.actor() + " " + e.action() + " " + e.detail())
              .toList();
      assertTrue(audit.contains("bob label-edited l, description"), audit.toString());
      assertTrue(audit.contains("ada label-revived l"), audit.toString());
    }
  }

  @Test
  void removingTheLastAccountWarns() throws Exception {
    Path corpus = temp.resolve("c");
    SyntheticCorpora.copyOf(corpus, 300, 32, 7).close();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      picocli.CommandLine users = new picocli.CommandLine(new UsersCommand());
      assertEquals(
          0, users.execute("add", "ada", "--role", "admin", "--corpus", corpus.toString()));
      assertEquals(
          0, users.execute("add", "bob", "--role", "viewer", "--corpus", corpus.toString()));
      assertEquals(0, users.execute("remove", "bob", "--corpus", corpus.toString()));
      assertTrue(
          !err.toString(StandardCharsets.UTF_8).contains("last account"),
          err.toString(StandardCharsets.UTF_8));
      assertEquals(0, users.execute("remove", "ada", "--corpus", corpus.toString()));
    } finally {
      System.setErr(saved);
    }
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("that was the last account"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void guessesAreCountedBeforeTheyAreCheckedPerNameAndAddress() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), null)) {
      String bob = runtime.store().users().add("bob", Role.ANNOTATOR);
      String carl = runtime.store().users().add("carl", Role.ANNOTATOR);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      assertEquals(
          200,
          status(base, "GET", "/api/labels", "bob:" + bob, null, null),
          "bob's script, checked once");
      ExecutorService pool = Executors.newFixedThreadPool(30);
      try {
        List<Future<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          String guess = "bob:wrong" + i;
          guesses.add(pool.submit(() -> status(base, "GET", "/api/labels", guess, null, null)));
        }
        int checked = 0;
        for (Future<Integer> g : guesses) {
          int s = g.get();
          assertTrue(s == 401 || s == 429, "a guess got " + s);
          checked += s == 401 ? 1 : 0;
        }
        assertEquals(
            6,
            checked,
            "30 concurrent guesses at one name from one address: 5 counted and one late check, the rest refused");
      } finally {
        pool.shutdownNow();
      }
      assertEquals(429, status(base, "GET", "/api/labels", "bob:another-guess", null, null));
      assertEquals(
          200,
          status(base, "GET", "/api/labels", "bob:" + bob, null, null),
          "bob's known credential still works from the throttled address");
      assertEquals(
          200,
          status(base, "GET", "/api/labels", "carl:" + carl, null, null),
          "guesses at bob do not lock carl out of the same address");
    }
  }

  @Test
  void aRightSecretFromAThrottledPairStillGetsIn() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), null)) {
      String bob = runtime.store().users().add("bob", Role.ANNOTATOR);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      for (int i = 0; i < 5; i++) {
        assertEquals(401, status(base, "GET", "/api/labels", "bob:typo" + i, null, null));
      }
      assertEquals(
          200,
          status(base, "GET", "/api/labels", "bob:" + bob, null, null),
          "bob's right secret, never checked before, from the pair his typos throttled");
      login(base, "bob", bob); // the login form too (asserts 302)
      // The pair stays throttled for guesses: one late check, then 429 until the next.
      assertEquals(401, status(base, "GET", "/api/labels", "bob:guess-a", null, null));
      assertEquals(429, status(base, "GET", "/api/labels", "bob:guess-b", null, null));
    }
  }

  @Test
  void unauthenticatedUploadsAreCutOffUnread() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 300, 32, 7), "s3cret")) {
      runtime.start("127.0.0.1", 0);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), runtime.port())) {
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST /api/labels/x/import?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: "
                    + (2L << 30)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        long sent = ClientDeadlinesTest.sendUntilCutOff(out, 2L << 30);
        RawReply reply = RawReply.read(s.getInputStream());
        assertEquals(401, reply.status(), reply.body());
        assertTrue(
            sent < 1L << 30,
            "a stranger's 2 GB upload was read on after the 401: " + (sent >> 20) + " MB");
      }
    }
  }

  @Test
  void aTokenFileOthersCanReadIsNamed() throws Exception {
    Path file = temp.resolve("token");
    Files.writeString(file, "t0ken\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String warning =
        org.videoannotator.server.auth.TokenOptions.readableByOthers(file).orElseThrow();
    assertTrue(warning.contains("chmod 600"), warning);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertTrue(org.videoannotator.server.auth.TokenOptions.readableByOthers(file).isEmpty());
  }
}
