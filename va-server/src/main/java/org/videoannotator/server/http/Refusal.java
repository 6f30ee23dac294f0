package org.videoannotator.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.videoannotator.core.Json;
import org.videoannotator.server.api.ApiException;

/**
 * Answers a request refused before or while its body arrives, in the API's JSON error shape, and
 * then cuts the connection off: the rest of an unwanted body (an upload past the limit, a
 * stranger's) is not read. The socket is half-closed at once, so the client reads the answer, and
 * closed a moment later whatever the client still sends.
 */
final class Refusal {
  /** How long a refused client has to read the answer before the connection is closed. */
  static final long LINGER_MILLIS = 200;

  private Refusal() {}

  /** Sends {@code refusal}; with {@code cutOff}, ends the connection instead of reading on. */
  static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      ApiException refusal,
      boolean cutOff) {
    try {
      if (!response.isCommitted()) {
        response.reset();
        response.setStatus(refusal.status());
        SecurityHeaders.put(response, request.isSecure());
        refusal.headers().forEach(response::setHeader);
        if (cutOff) {
          response.setHeader("Connection", "close");
        }
        response.setContentType("application/json");
        byte[] json = Json.mapper().writeValueAsBytes(refusal.body());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone: nothing to answer
    }
    if (cutOff) {
      cutOff(request);
    }
  }

  private static void cutOff(HttpServletRequest request) {
    Request base = Request.getBaseRequest(request);
    if (base == null || base.getHttpChannel() == null) {
      return;
    }
    EndPoint endPoint = base.getHttpChannel().getEndPoint();
    endPoint.shutdownOutput();
    base.getHttpChannel()
        .getConnector()
        .getScheduler()
        .schedule(endPoint::close, LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }
}
