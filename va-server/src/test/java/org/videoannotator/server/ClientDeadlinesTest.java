package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 27 points 1 and 6, over raw sockets (no client library sends a body in pieces or a header a
 * byte at a time): a paused small body succeeds, a stalled one is a 408 (never a 500), a trickled
 * request head is dropped, more stalled bodies than request threads leave the API answering, and a
 * body over the limit is cut off unread.
 */
@Tag("slow") // waits out the head and body deadlines (10 s each)
class ClientDeadlinesTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 300;
  }

  private String vote(int clip) {
    return "{\"key\":\"" + SyntheticCorpora.key(clip) + "\",\"value\":\"yes\",\"annotator\":\"a\"}";
  }

  private String head(String path, int length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
        + "Content-Length: "
        + length
        + "\r\n\r\n";
  }

  /**
   * Sends the head and the body's first half, waits {@code pauseMillis}, sends the rest; returns
   * the reply.
   */
  private RawReply splitVote(int clip, long pauseMillis) throws Exception {
    byte[] body = vote(clip).getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", runtime.port())) {
      s.setSoTimeout(30_000);
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      out.write(
          head("/api/labels/split/annotations", body.length).getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(pauseMillis);
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      return RawReply.read(s.getInputStream());
    }
  }

  @Test
  void smallBodiesWithPausesAreAcceptedAndStalledOnesAre408() throws Exception {
    createLabel("split");
    for (int i = 0; i < 10; i++) {
      RawReply reply = splitVote(i, 15);
      assertEquals(
          201, reply.status(), "a vote whose second half came 15 ms later: " + reply.body());
    }
    RawReply paused = splitVote(20, 2_000);
    assertEquals(
        201, paused.status(), "a two-second pause mid-body is human-scale: " + paused.body());
    assertEquals(11, runtime.store().current("split").size(), "every acknowledged vote is stored");

    try (Socket s = new Socket("127.0.0.1", runtime.port())) {
      s.setSoTimeout(40_000);
      OutputStream out = s.getOutputStream();
      out.write(
          (head("/api/labels/split/annotations", 500) + "{\"key\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      RawReply stalled = RawReply.read(s.getInputStream());
      assertEquals(408, stalled.status(), stalled.head() + "\n" + stalled.body());
      assertTrue(stalled.body().contains("request-timeout"), stalled.body());
    }
  }

  @Test
  void requestHeadsTrickledAByteAtATimeAreDropped() throws Exception {
    try (Socket s = new Socket("127.0.0.1", runtime.port())) {
      s.setSoTimeout(200);
      OutputStream out = s.getOutputStream();
      byte[] head =
          ("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < head.length - 2 && !closed; i++) { // 60 s of trickle if never dropped
        try {
          out.write(head[i]);
          out.flush();
          closed = s.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // nothing from the server yet: keep trickling
        } catch (IOException reset) {
          closed = true;
        }
        Thread.sleep(100);
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(
          closed, "the server kept a connection that trickled its headers for " + seconds + " s");
    }
  }

  @Test
  void moreStalledBodiesThanRequestThreadsLeaveTheApiAnswering() throws Exception {
    createLabel("busy");
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 450; i++) { // more than the 400 request threads
        Socket s = new Socket("127.0.0.1", runtime.port());
        s.getOutputStream()
            .write(
                (head("/api/labels/busy/annotations", 100_000) + "{\"annotations\":[")
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        stalled.add(s);
      }
      try (Socket s = new Socket("127.0.0.1", runtime.port())) {
        s.setSoTimeout(
            8_000); // the stalled bodies' deadline is 10 s: answering later means they froze the
        // API
        byte[] body = vote(1).getBytes(StandardCharsets.UTF_8);
        s.getOutputStream()
            .write(
                head("/api/labels/busy/annotations", body.length)
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        RawReply reply = RawReply.read(s.getInputStream());
        assertEquals(201, reply.status(), "a vote while 450 bodies stall: " + reply.body());
      }
      assertEquals(200, http.get("/api/info").status());
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void bodiesDeclaredOverTheLimitAreRefusedUnreadAndCutOff() throws Exception {
    createLabel("big");
    try (Socket s = new Socket("127.0.0.1", runtime.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /api/labels/big/import?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                  + "Content-Length: "
                  + (2L << 30)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      long sent = sendUntilCutOff(out, 2L << 30);
      RawReply reply = RawReply.read(s.getInputStream());
      assertEquals(413, reply.status(), reply.body());
      assertTrue(sent < 1L << 30, "the server read " + (sent >> 20) + " MB of a refused 2 GB body");
    }
    assertEquals(200, http.get("/api/info").status());
  }

  /**
   * Writes up to {@code max} bytes until the server closes the connection; returns how many were
   * sent.
   */
  static long sendUntilCutOff(OutputStream out, long max) {
    byte[] chunk = new byte[64 * 1024];
    long sent = 0;
    try {
      while (sent < max) {
        out.write(chunk);
        sent += chunk.length;
      }
    } catch (IOException cutOff) {
      // the point
    }
    return sent;
  }
}
