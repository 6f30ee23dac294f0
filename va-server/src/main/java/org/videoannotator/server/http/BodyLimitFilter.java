package org.videoannotator.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.videoannotator.server.api.ApiException;

/**
 * Enforces the request body limit while the body streams in, whatever the transfer encoding:
 * Javalin's own check reads {@code Content-Length}, so a chunked upload was read into memory
 * whole. A body past the limit ends the read with a 413; a body that ends before its declared
 * length (or stalls until the idle timeout) with a 400 instead of a bare 500.
 */
public final class BodyLimitFilter implements Filter {
  private final long maxBytes;

  public BodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Limited((HttpServletRequest) request, maxBytes), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    CountingStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new ApiException(400, "incomplete-body", null,
            "the request body ended before its declared length or stalled (" + e.getMessage() + "); send it again");
      }
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new ApiException(413, "payload-too-large", null,
              "the request body is larger than " + (maxBytes >> 20) + " MB; split the import into smaller files");
        }
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
