package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.testkit.JsonHttp;

/**
 * Issue 13 points 2, 4, 5 and 7 (headers): what a hostile web page or client could do to a loopback
 * server. Raw sockets where the JDK client refuses to send the attack (Host, chunked bodies, short
 * bodies).
 */
class HttpHardeningTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 300;
  }

  @Test
  void crossSiteWritesAreRefused() {
    JsonHttp.Reply form =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                .header("Origin", "http://evil.example")
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"description\":\"d\"}")));
    assertEquals(403, form.status(), form.body());
    assertEquals("cross-origin", form.json().get("error").asText());
    JsonHttp.Reply fetchSite =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"description\":\"d\"}")));
    assertEquals(403, fetchSite.status(), fetchSite.body());
    // A plain form cannot send JSON: text/plain bodies are refused even without an Origin.
    JsonHttp.Reply plain =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"description\":\"d\"}")));
    assertEquals(415, plain.status(), plain.body());
    assertEquals(0, http.get("/api/labels").json().size(), "nothing was created");
    // The server's own page (same origin) and scripts (no Origin) still work.
    JsonHttp.Reply own =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                .header("Origin", http.base())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"own\",\"description\":\"d\"}")));
    assertEquals(201, own.status(), own.body());
    createLabel("script");
  }

  @Test
  void dnsRebindingHostsAreRefusedOnEveryMethod() throws IOException {
    createLabel("keep");
    RawReply get =
        raw(
            "GET /api/labels HTTP/1.1\r\nHost: rebind.evil.example:"
                + port()
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(403, get.status(), get.body());
    assertEquals("forbidden-host", json(get).get("error").asText());
    RawReply delete =
        raw(
            "DELETE /api/labels/keep HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n");
    assertEquals(403, delete.status(), delete.body());
    assertEquals(1, http.get("/api/labels").json().size(), "the label survived");
    RawReply local =
        raw(
            "GET /api/info HTTP/1.1\r\nHost: localhost:"
                + port()
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(200, local.status(), local.body());
  }

  @Test
  void everyResponseCarriesSecurityHeaders() throws IOException {
    for (String path : new String[] {"/api/info", "/api/nosuch", "/"}) {
      RawReply r = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertTrue(r.head().contains("x-content-type-options: nosniff"), path + ": " + r.head());
      assertTrue(r.head().contains("x-frame-options: deny"), path + ": " + r.head());
      assertTrue(
          r.head().contains("content-security-policy: default-src 'self'"), path + ": " + r.head());
    }
  }

  @Test
  void chunkedBodiesPastTheLimitAreCutOffWhileStreaming() throws IOException {
    createLabel("big");
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/labels/big/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'a');
      byte[] header =
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      try {
        for (int i = 0; i < 200; i++) { // 200 MB, far past the 64 MB limit
          out.write(header);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += chunk.length;
        }
      } catch (IOException e) {
        // The server answered and closed the connection mid-upload: that is the point.
      }
      RawReply reply = RawReply.read(socket.getInputStream());
      assertEquals(413, reply.status(), reply.body());
      assertEquals("payload-too-large", json(reply).get("error").asText());
      assertTrue(sent < 200L << 20 || reply.status() == 413);
    }
    long after = rt.totalMemory() - rt.freeMemory();
    assertTrue(
        after - before < 150L << 20,
        "the upload was not buffered whole: heap grew by " + ((after - before) >> 20) + " MB");
    assertEquals(200, http.get("/api/info").status(), "the server still answers");
  }

  @Test
  void bodiesShorterThanTheirLengthAndParserRejectionsAreJson() throws IOException {
    createLabel("short");
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/labels/short/annotations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 500\r\n\r\n{\"annotations\":[")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      RawReply reply = RawReply.read(socket.getInputStream());
      assertEquals(400, reply.status(), reply.body());
      assertTrue(reply.head().contains("content-type: application/json"), reply.head());
    }
    RawReply nul = raw("GET /api/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(400, nul.status(), nul.body());
    assertTrue(json(nul).has("error"), nul.body());
    RawReply longUri =
        raw(
            "GET /api/"
                + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(414, longUri.status(), longUri.body());
    assertEquals("uri-too-long", json(longUri).get("error").asText());
    RawReply bigHeaders =
        raw(
            "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(431, bigHeaders.status(), bigHeaders.body());
    assertEquals("headers-too-large", json(bigHeaders).get("error").asText());
  }

  @Test
  void votesForADeletedLabelAre404NotTheClientsFault() {
    createLabel("gone");
    assertEquals(200, http.delete("/api/labels/gone").status());
    String key = runtime.corpus().clipAt(0).key();
    JsonHttp.Reply reply =
        http.post(
            "/api/labels/gone/annotations",
            java.util.Map.of(
                "annotations",
                java.util.List.of(java.util.Map.of("key", key, "value", "yes", "annotator", "a"))));
    assertEquals(404, reply.status(), reply.body());
    assertEquals("not-found", reply.json().get("error").asText());
  }

  private int port() {
    return runtime.port();
  }

  private static JsonNode json(RawReply r) throws IOException {
    return Json.mapper().readTree(r.body());
  }

  private RawReply raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return RawReply.read(socket.getInputStream());
    }
  }
}
