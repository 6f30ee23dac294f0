package org.videoannotator.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers every response carries: no MIME sniffing, no framing (click-jacking), no referrer leaking
 * clip keys to other sites ({@code same-origin}: our own requests keep their {@code Origin}, which
 * {@code no-referrer} turned into {@code null} and so broke the login form's POST, see {@link
 * RequestGuard#checkOrigin}), and a content security policy that allows only the server's own
 * scripts, media and API (the UI is plain ES modules served from here; styles set from scripts are
 * allowed); over HTTPS also HSTS, so a browser that saw the server once never falls back to plain
 * HTTP.
 */
public final class SecurityHeaders {
  public static final Map<String, String> HEADERS =
      Map.of(
          "X-Content-Type-Options",
          "nosniff",
          "X-Frame-Options",
          "DENY",
          "Referrer-Policy",
          "same-origin",
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
              + "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
              + "frame-ancestors 'none'; form-action 'self'");

  private SecurityHeaders() {}

  /** Over HTTPS, browsers are told to use nothing else for this host for a year. */
  static final String HSTS = "max-age=31536000";

  /** The headers every response carries, and {@code Strict-Transport-Security} over HTTPS. */
  public static void put(HttpServletResponse response, boolean https) {
    HEADERS.forEach(response::setHeader);
    if (https) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
  }

  static void put(HttpFields.Mutable fields) {
    HEADERS.forEach(fields::put);
  }
}
