package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.videoannotator.server.http.BodyBudget;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * The memory of buffered request bodies is bounded across requests: concurrent slow uploads take
 * the budget by their declared length, the next large one is refused (503, {@code Retry-After},
 * unread) while a vote still passes, a chunked body is refused once its bytes pass the budget, and
 * what a finished or abandoned upload held comes back.
 */
class BodyBudgetTest extends ServerTestBase {
  private static final long UPLOAD = 60L << 20;

  @Override
  int corpusSize() {
    return 300;
  }

  private Socket slowUpload(long declared) throws Exception {
    Socket s = new Socket("127.0.0.1", runtime.port());
    s.setSoTimeout(30_000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST /api/labels/budget/import?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Content-Length: "
                + declared
                + "\r\n\r\nkey,value,annotator\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  private static void awaitHeld(LongPredicate ok, String what) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!ok.test(BodyBudget.shared().heldBytes()) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(
        ok.test(BodyBudget.shared().heldBytes()),
        what + ": " + (BodyBudget.shared().heldBytes() >> 20) + " MB held");
  }

  @Test
  void concurrentSlowUploadsAreBoundedAndAVoteStillPasses() throws Exception {
    createLabel("budget");
    long capacity = BodyBudget.shared().capacityBytes();
    int fit = (int) ((capacity - (16L << 20)) / UPLOAD); // the large bodies' part of the budget
    assertTrue(fit >= 1, "capacity " + (capacity >> 20) + " MB");
    List<Socket> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < fit; i++) {
        uploads.add(slowUpload(UPLOAD));
      }
      awaitHeld(held -> held >= fit * UPLOAD, fit + " paused uploads of 60 MB hold their length");

      try (Socket refused = slowUpload(UPLOAD)) {
        RawReply reply = RawReply.read(refused.getInputStream());
        assertEquals(503, reply.status(), reply.head() + "\n" + reply.body());
        assertTrue(
            reply.body().contains("server-busy") && reply.head().contains("retry-after: 5"),
            reply.head() + reply.body());
        assertTrue(reply.head().contains("connection: close"), "refused unread: " + reply.head());
      }

      String vote =
          "{\"key\":\"" + SyntheticCorpora.key(1) + "\",\"value\":\"yes\",\"annotator\":\"a\"}";
      assertEquals(
          201,
          http.post("/api/labels/budget/annotations", vote).status(),
          "a vote passes the full budget");

      try (Socket chunked = new Socket("127.0.0.1", runtime.port())) {
        chunked.setSoTimeout(30_000);
        OutputStream out = chunked.getOutputStream();
        out.write(
            ("POST /api/labels/budget/import?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 << 10];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try {
          for (int i = 0; i < 1024; i++) { // up to 64 MB, far past what is left
            out.write(
                (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        } catch (java.io.IOException cutOff) {
          // refused and closed while we were sending: read the answer
        }
        RawReply reply = RawReply.read(chunked.getInputStream());
        assertEquals(
            503,
            reply.status(),
            "a chunked body past the budget: " + reply.head() + "\n" + reply.body());
      }

      uploads.remove(0).close(); // an abandoned upload gives its part back
      awaitHeld(held -> held <= (fit - 1) * UPLOAD + (64 << 10), "after one upload was abandoned");
      uploads.add(slowUpload(UPLOAD));
      awaitHeld(held -> held >= fit * UPLOAD, "the freed part goes to the next upload");
    } finally {
      for (Socket s : uploads) {
        s.close();
      }
    }
    awaitHeld(held -> held == 0, "every body's part comes back");
  }
}
