package org.videoannotator.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.server.api.ApiException;

/**
 * Refuses requests that a web page on another site could make through the annotator's browser:
 *
 * <ul>
 *   <li><b>Host</b> (every request, when the server has no token): only the loopback names and the
 *       bound address. A DNS-rebinding page reaches 127.0.0.1 under its own host name, which this
 *       refuses; with a token the browser holds no credentials for a foreign name anyway.
 *   <li><b>Origin</b> (state-changing methods, the login form included): a browser's {@code Origin}
 *       must be this server's own; {@code null} passes only with {@code Sec-Fetch-Site:
 *       same-origin}; without one, {@code Sec-Fetch-Site} must not say cross-site ({@link
 *       #checkOrigin}). Scripts and curl send neither and pass.
 *   <li><b>Content type</b> (state-changing requests with a body): JSON where the API documents
 *       JSON, so a plain HTML form ({@code text/plain}, form encodings) cannot post; the import
 *       routes also take their CSV/NDJSON text types.
 * </ul>
 *
 * It runs in the {@link RequestGate}, on the request line and headers, before any body byte is
 * read.
 */
public final class RequestGuard {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> IMPORT_TYPES =
      Set.of(
          "application/json",
          "text/plain",
          "text/csv",
          "application/x-ndjson",
          "application/ndjson");

  private final boolean checkHost;
  private final Set<String> allowedHosts = ConcurrentHashMap.newKeySet();

  /**
   * @param checkHost whether to refuse unknown {@code Host} names (servers without a token)
   */
  public RequestGuard(boolean checkHost) {
    this.checkHost = checkHost;
    allowedHosts.addAll(LOOPBACK);
  }

  /** Also accepts {@code host} (a name or address, without port) in the {@code Host} header. */
  public void allowHost(String host) {
    allowedHosts.add(host.toLowerCase(Locale.ROOT));
    if (host.contains(":") && !host.startsWith("[")) {
      allowedHosts.add("[" + host.toLowerCase(Locale.ROOT) + "]");
    }
  }

  /**
   * @throws org.videoannotator.server.api.ApiException 403, 400 or 415 when the request is refused
   */
  public void check(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (checkHost && !allowedHosts.contains(hostName(host))) {
      throw new ApiException(
          403,
          "forbidden-host",
          "Host",
          "this server answers only to "
              + String.join(", ", allowedHosts.stream().sorted().toList())
              + ", not to '"
              + host
              + "' (a page on another site may be trying to reach it through DNS rebinding)");
    }
    String raw =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    if (!wellEscaped(raw)) {
      throw ApiException.badRequest(
          "url", "the URL has a '%' not followed by two hex digits; escape '%' as %25");
    }
    if (!STATE_CHANGING.contains(request.getMethod())) {
      return;
    }
    checkOrigin(
        request.getHeader("Origin"),
        request.getHeader("Sec-Fetch-Site"),
        host,
        request.getScheme());
    String path = request.getRequestURI();
    if (hasBody(request) && path.startsWith("/api/")) {
      String type = mediaType(request.getHeader("Content-Type"));
      boolean allowed =
          path.endsWith("/import") ? IMPORT_TYPES.contains(type) : "application/json".equals(type);
      if (!allowed) {
        throw new ApiException(
            415,
            "unsupported-media-type",
            "Content-Type",
            "send the body as application/json"
                + (path.endsWith("/import")
                    ? " or as text/csv, text/plain or application/x-ndjson"
                    : "")
                + ", not '"
                + (type.isEmpty() ? "(none)" : type)
                + "'");
      }
    }
  }

  /**
   * Where a state-changing request comes from. Browsers send {@code Origin} on every POST, but as
   * {@code null} when the sending page's referrer policy hides it ({@code no-referrer}, or {@code
   * same-origin} on a cross-origin request) or the page has an opaque origin (sandboxed, {@code
   * data:}). A foreign page can always make its form post {@code Origin: null}, so {@code null}
   * proves nothing by itself: it passes only when the browser's own {@code Sec-Fetch-Site} (which
   * no page can set) says {@code same-origin}. Our pages are served with {@code Referrer-Policy:
   * same-origin} ({@link SecurityHeaders}), so their POSTs carry the real origin even where fetch
   * metadata is not sent (plain HTTP to a LAN address). Without any {@code Origin} (scripts, curl,
   * very old browsers) only a browser's cross-site or same-site fetch metadata refuses.
   */
  static void checkOrigin(String origin, String fetchSite, String host, String scheme) {
    if (origin == null) {
      if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
        throw new ApiException(
            403,
            "cross-origin",
            "Sec-Fetch-Site",
            "requests that change data must come from this server's own pages");
      }
    } else if ("null".equals(origin.strip())) {
      if (!"same-origin".equals(fetchSite)) {
        throw new ApiException(
            403,
            "cross-origin",
            "Origin",
            "requests that change data must come from this server's own pages; this one hides its origin"
                + " ('Origin: null') and the browser does not vouch for it (Sec-Fetch-Site: "
                + (fetchSite == null ? "none sent" : fetchSite)
                + ")");
      }
    } else if (!sameOrigin(origin, host, scheme)) {
      throw new ApiException(
          403,
          "cross-origin",
          "Origin",
          "requests that change data must come from this server's own pages, not from " + origin);
    }
  }

  /** Whether every '%' starts a %XX escape (else decoding a path or query parameter fails). */
  static boolean wellEscaped(String url) {
    for (int i = url.indexOf('%'); i >= 0; i = url.indexOf('%', i + 1)) {
      if (i + 2 >= url.length()) {
        return false;
      }
      try {
        HexFormat.fromHexDigits(url, i + 1, i + 3);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  /** Whether the request announces a body (a length above zero, or a transfer coding). */
  static boolean hasBody(HttpServletRequest request) {
    String length = request.getHeader("Content-Length");
    return (length != null && !"0".equals(length.strip()))
        || request.getHeader("Transfer-Encoding") != null;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The host name of a {@code Host} header, lower case, without port ({@code [::1]} keeps
   * brackets).
   */
  static String hostName(String host) {
    if (host == null) {
      return "";
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  static boolean sameOrigin(String origin, String host, String scheme) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getHost() == null || !scheme.equalsIgnoreCase(uri.getScheme())) {
        return false;
      }
      return authority(uri.getScheme(), uri.getRawAuthority())
          .equals(authority(scheme, host.strip()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String authority(String scheme, String authority) {
    String a = authority.toLowerCase(Locale.ROOT);
    String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
    return a.endsWith(defaultPort) ? a.substring(0, a.length() - defaultPort.length()) : a;
  }
}
