package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 13 point 6: 300 connections that each send part of a body and stall must not starve the
 * server; /api/info and a vote still get answered while they hang, and the stalled ones are cut off
 * by the minimum body data rate or the I/O timeout.
 */
@Tag("slow") // holds 300 connections for several seconds
class SlowClientsTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 300;
  }

  @Test
  void stalledUploadsDoNotStarveOtherRequests() throws Exception {
    createLabel("busy");
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        Socket s = new Socket("127.0.0.1", runtime.port());
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST /api/labels/busy/annotations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"annotations\":[")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stalled.add(s);
      }
      long t0 = System.nanoTime();
      assertEquals(200, http.get("/api/info").status());
      assertEquals(
          201,
          labelByTruth("busy", List.of(SyntheticCorpora.key(1)), java.util.Map.of("kind", "other"))
              .status());
      System.err.printf(
          "with 300 stalled uploads: /api/info and a vote answered in %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
    } finally {
      for (Socket s : stalled) {
        try {
          s.close();
        } catch (IOException ignored) {
          // already cut off by the server
        }
      }
    }
  }
}
