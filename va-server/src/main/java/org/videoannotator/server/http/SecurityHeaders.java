package org.videoannotator.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers every response carries: no MIME sniffing, no framing (click-jacking), no referrer
 * leaking clip keys, and a content security policy that allows only the server's own scripts,
 * media and API (the UI is plain ES modules served from here; styles set from scripts are allowed).
 */
public final class SecurityHeaders {
  public static final Map<String, String> HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer",
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          + "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'; form-action 'self'");

  private SecurityHeaders() {}

  public static void put(HttpServletResponse response) {
    HEADERS.forEach(response::setHeader);
  }

  static void put(HttpFields.Mutable fields) {
    HEADERS.forEach(fields::put);
  }
}
