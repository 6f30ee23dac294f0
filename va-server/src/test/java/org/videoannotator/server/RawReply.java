package org.videoannotator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The status line and body of a raw HTTP/1.1 reply read off a socket (Content-Length framed). */
record RawReply(int status, String head, String body) {
  static RawReply read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0 && complete(text, end)) {
          break;
        }
      }
    } catch (IOException e) {
      // reset after the reply: keep what arrived
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = (end < 0 ? text : text.substring(0, end)).toLowerCase();
    String body = end < 0 ? "" : text.substring(end + 4);
    if (head.contains("transfer-encoding: chunked")) { // loosely: one JSON chunk
      body = body.substring(body.indexOf("\r\n") + 2);
      body = body.substring(0, Math.max(0, body.lastIndexOf("}") + 1));
    }
    return new RawReply(
        head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1, head, body);
  }

  private static boolean complete(String text, int headEnd) {
    String head = text.substring(0, headEnd).toLowerCase();
    int at = head.indexOf("content-length:");
    if (at >= 0) {
      return text.length() - headEnd - 4
          >= Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
    }
    return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
  }
}
