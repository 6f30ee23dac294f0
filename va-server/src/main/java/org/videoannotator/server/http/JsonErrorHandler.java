package org.videoannotator.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.videoannotator.core.Json;
import org.videoannotator.server.api.ErrorBody;
import org.videoannotator.server.api.ErrorMapping;

/**
 * Jetty's own rejections, which never reach Javalin (a {@code %00} in the path, a URI or header
 * block too long, a body shorter than its {@code Content-Length}), in the API's JSON error shape
 * instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  public JsonErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  /** Errors Jetty answers while parsing, before any handler runs (400, 414, 431). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    SecurityHeaders.put(fields);
    return ByteBuffer.wrap(json(status, reason));
  }

  /** Errors raised inside the servlet chain that Javalin did not answer itself. */
  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    SecurityHeaders.put(response, request.isSecure());
    response.getOutputStream().write(json(code, message));
  }

  static byte[] json(int status, String reason) {
    String detail =
        "the server refused the request before reading it"
            + (reason == null || reason.isBlank() ? "" : ": " + reason);
    ErrorBody body =
        new ErrorBody(ErrorMapping.codeOf(status), null, detail + " (HTTP " + status + ")");
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      return ("{\"error\":\"" + ErrorMapping.codeOf(status) + "\"}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
