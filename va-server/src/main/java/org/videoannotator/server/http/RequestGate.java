package org.videoannotator.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.videoannotator.server.api.ApiException;

/**
 * The servlet filter in front of Javalin: every request passes its header checks ({@link
 * RequestGuard}, authentication) <em>before</em> a byte of its body is read, so refused uploads are
 * cut off unread ({@link Refusal}); a body over the limit by its {@code Content-Length} is refused
 * the same way; any other body is read without holding a request thread ({@link BodyReader}), so
 * clients that stall mid-body cannot take the threads others need.
 */
public final class RequestGate implements Filter {
  /** A check on the request line and headers; throws {@link ApiException} to refuse. */
  @FunctionalInterface
  public interface HeaderCheck {
    void check(HttpServletRequest request);
  }

  private final List<HeaderCheck> checks;
  private final long maxBodyBytes;

  public RequestGate(long maxBodyBytes, List<HeaderCheck> checks) {
    this.maxBodyBytes = maxBodyBytes;
    this.checks = List.copyOf(checks);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    SecurityHeaders.put(response, request.isSecure());
    boolean hasBody = RequestGuard.hasBody(request);
    try {
      for (HeaderCheck check : checks) {
        check.check(request);
      }
      if (request.getContentLengthLong() > maxBodyBytes) {
        throw JettyFailures.tooLarge(maxBodyBytes);
      }
    } catch (ApiException refused) {
      Refusal.send(request, response, refused, hasBody);
      return;
    }
    if (hasBody) {
      BodyReader.start(request, response, chain, maxBodyBytes);
    } else {
      chain.doFilter(request, response);
    }
  }
}
