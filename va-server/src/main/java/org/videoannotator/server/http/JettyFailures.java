package org.videoannotator.server.http;

import java.io.EOFException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.ErrorMapping;

/**
 * The one place where Jetty's failures while a request arrives become API errors: Jetty throws
 * runtime exceptions ({@link BadMessageException}, e.g. 408 for a slow body or 400 for a broken
 * chunk) and I/O exceptions (the idle timeout, the client hanging up mid-body), none of which is
 * the server's fault, so none may become a 500.
 */
final class JettyFailures {
  private JettyFailures() {}

  /** The 4xx a failure while reading a request body stands for. */
  static ApiException whileReadingBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
      if (t instanceof BadMessageException bad) {
        int status = bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400;
        return new ApiException(
            status,
            ErrorMapping.codeOf(status),
            null,
            "the request body was refused while it arrived ("
                + bad.getReason()
                + "); send it again");
      }
      if (t instanceof TimeoutException) {
        return tooSlow("no byte of it arrived for " + HttpLimits.IDLE_MILLIS / 1000 + " s");
      }
      if (t instanceof EofException || t instanceof EOFException) {
        return incomplete();
      }
    }
    return incomplete();
  }

  static ApiException tooSlow(String what) {
    return new ApiException(
        408,
        "request-timeout",
        null,
        "the request body arrived too slowly (" + what + "); send it again in one go");
  }

  static ApiException incomplete() {
    return new ApiException(
        400,
        "incomplete-body",
        null,
        "the request body ended before its declared length; send it again");
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        413,
        "payload-too-large",
        null,
        "the request body is larger than "
            + (maxBytes >> 20)
            + " MB; split the import into smaller files");
  }
}
