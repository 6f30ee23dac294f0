package org.videoannotator.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.server.api.ApiException;

/**
 * Reads a request body with servlet non-blocking I/O, then runs the handlers on the whole body.
 * While bytes are awaited no thread is held, so any number of clients stalled mid-body leave the
 * request threads to everyone else. Deadline: the body may pause for up to {@link
 * HttpLimits#BODY_GRACE_MILLIS} (a human-scale pause, a GC, a loaded machine), and after that must
 * have arrived at {@link HttpLimits#MIN_BODY_BYTES_PER_SECOND} on average; else 408 and the
 * connection is cut off. Past the size limit: 413, cut off. Jetty's own failures map through {@link
 * JettyFailures}. The bytes a body holds come from the process's {@link BodyBudget} and go back to
 * it when the request ends: past the budget, 503 and cut off.
 */
final class BodyReader implements ReadListener {
  private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);
  private static final long CHECK_EVERY_MILLIS = 1_000;

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final FilterChain chain;
  private final long maxBytes;
  private final AsyncContext async;
  private final ServletInputStream in;
  private final Scheduler scheduler;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean finished = new AtomicBoolean();

  /** The body as it arrived, in the pieces read (no doubling copies of a large upload). */
  private final List<byte[]> pieces = new ArrayList<>();

  // Jetty answers these only while the request is in its servlet context, not in read callbacks.
  private final String contextPath;
  private final String servletPath;
  private final String pathInfo;
  private final byte[] buffer = new byte[16 * 1024];
  private volatile long received;

  /** Bytes taken from the budget for this body; given back once, when the request ends. */
  private final AtomicLong budgeted = new AtomicLong();

  private final BodyBudget budget = BodyBudget.shared();
  private volatile Scheduler.Task deadline;

  private BodyReader(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, long maxBytes)
      throws IOException {
    this.request = request;
    this.response = response;
    this.chain = chain;
    this.maxBytes = maxBytes;
    this.async = request.startAsync(request, response);
    this.async.setTimeout(0); // the deadline below is the only one
    this.in = request.getInputStream();
    this.scheduler = Request.getBaseRequest(request).getHttpChannel().getConnector().getScheduler();
    this.contextPath = request.getContextPath();
    this.servletPath = request.getServletPath();
    this.pathInfo = request.getPathInfo();
  }

  static void start(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, long maxBytes)
      throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > 0) {
      try {
        BodyBudget.shared().take(declared, 0);
      } catch (ApiException busy) {
        Refusal.send(request, response, busy, true);
        return;
      }
    }
    BodyReader reader;
    try {
      reader = new BodyReader(request, response, chain, maxBytes);
    } catch (IOException | RuntimeException e) {
      BodyBudget.shared().give(Math.max(declared, 0));
      throw e;
    }
    reader.budgeted.set(Math.max(declared, 0));
    reader.deadline =
        reader.scheduler.schedule(
            reader::checkDeadline, HttpLimits.BODY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    reader.in.setReadListener(reader);
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!finished.get() && in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return;
      }
      if (received + n > maxBytes) {
        fail(JettyFailures.tooLarge(maxBytes));
        return;
      }
      if (received + n > budgeted.get()) { // chunked: no length declared, so taken as it arrives
        long more = received + n - budgeted.get();
        try {
          budget.take(more, budgeted.get());
        } catch (ApiException busy) {
          fail(busy);
          return;
        }
        budgeted.addAndGet(more);
        if (finished
            .get()) { // cut off meanwhile (deadline): complete() gave back before this was taken
          budget.give(budgeted.getAndSet(0));
          return;
        }
      }
      pieces.add(Arrays.copyOf(buffer, n));
      received += n;
    }
  }

  @Override
  public void onAllDataRead() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    deadline.cancel();
    try {
      chain.doFilter(new Buffered(this), response);
    } catch (Exception | Error e) {
      LOG.error(
          "request {} {} failed outside the API's error mapping",
          request.getMethod(),
          request.getRequestURI(),
          e);
      Refusal.send(
          request,
          response,
          new ApiException(500, "internal", null, "internal error; see the server log"),
          true);
    } finally {
      complete();
    }
  }

  @Override
  public void onError(Throwable failure) {
    fail(JettyFailures.whileReadingBody(failure));
  }

  /** Cut off when, after the grace period, less than the minimum average rate has arrived. */
  private void checkDeadline() {
    if (finished.get()) {
      return;
    }
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    long due =
        HttpLimits.MIN_BODY_BYTES_PER_SECOND
            * (elapsedMillis - HttpLimits.BODY_GRACE_MILLIS)
            / 1000;
    if (received < due) {
      fail(
          JettyFailures.tooSlow(
              received
                  + " bytes in "
                  + elapsedMillis / 1000
                  + " s; at least "
                  + HttpLimits.MIN_BODY_BYTES_PER_SECOND
                  + " B/s after the first "
                  + HttpLimits.BODY_GRACE_MILLIS / 1000
                  + " s"));
    } else {
      deadline = scheduler.schedule(this::checkDeadline, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void fail(ApiException refusal) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    deadline.cancel();
    try {
      Refusal.send(request, response, refusal, true);
    } finally {
      complete();
    }
  }

  private void complete() {
    budget.give(budgeted.getAndSet(0));
    try {
      if (request.isAsyncStarted()) {
        async.complete();
      }
    } catch (IllegalStateException alreadyCompleted) {
      // Javalin completes the async context itself after writing its answer
    }
  }

  /** The request as the handlers see it: the body already read, from memory. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final BodyReader reader;

    Buffered(BodyReader reader) {
      super(reader.request);
      this.reader = reader;
    }

    @Override
    public String getContextPath() {
      return reader.contextPath;
    }

    @Override
    public String getServletPath() {
      return reader.servletPath;
    }

    @Override
    public String getPathInfo() {
      return reader.pathInfo;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream bytes =
          new SequenceInputStream(
              Collections.enumeration(
                  reader.pieces.stream()
                      .map(p -> (InputStream) new ByteArrayInputStream(p))
                      .toList()));
      return new ServletInputStream() {
        private boolean eof;

        @Override
        public int read() throws IOException {
          int b = bytes.read();
          eof = b < 0;
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = bytes.read(b, off, len);
          eof = n < 0;
          return n;
        }

        @Override
        public boolean isFinished() {
          return eof;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
    }
  }
}
