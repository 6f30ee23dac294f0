package org.videoannotator.server.http;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Every limit the HTTP layer puts on clients, applied to Javalin's Jetty in one call: bounded
 * request threads, an idle timeout, a deadline for request heads ({@link HeaderDeadline}) and for
 * bodies ({@link BodyReader}), the size limit, the {@link RequestGate} in front of the handlers,
 * and Jetty's own rejections in the JSON error shape ({@link JsonErrorHandler}).
 */
public final class HttpLimits {
  /** Largest request body accepted (imports of annotation files). */
  public static final long MAX_REQUEST_BYTES = 64L << 20;

  /**
   * Request threads. Bodies are read and heads parsed without holding one, so stalled clients do
   * not count; each thread costs stack memory, and a flood of refused requests once grew the pool
   * (and the server's memory) to its maximum.
   */
  static final int MAX_THREADS = 128;

  /** A connection with no byte in either direction for this long is closed. */
  static final long IDLE_MILLIS = 20_000;

  /** A request line and headers must be complete this long after the connection awaits them. */
  static final long HEADER_DEADLINE_MILLIS = 10_000;

  /** A body may pause this long in all before the minimum rate below applies. */
  static final long BODY_GRACE_MILLIS = 10_000;

  /** After the grace period, a body must have arrived at this average rate. */
  static final long MIN_BODY_BYTES_PER_SECOND = 4_096;

  private HttpLimits() {}

  /** Applies the limits, with {@code gate}'s header checks run before any body is read. */
  public static void apply(JavalinConfig config, RequestGate gate) {
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    config.jetty.threadPool = threadPool();
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setIdleTimeout(IDLE_MILLIS);
          // Jetty's rate counts from the first body byte, so a small body with a 15 ms pause failed
          // (408 thrown as a runtime exception); BodyReader's deadline has a grace period instead.
          http.setMinRequestDataRate(0);
        });
    HeaderDeadline heads = new HeaderDeadline(HEADER_DEADLINE_MILLIS);
    config.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JsonErrorHandler());
          // Connectors exist only once Javalin starts the server: attach the deadline to each then.
          server.addEventListener(
              new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                  for (Connector connector : server.getConnectors()) {
                    connector.addBean(heads);
                  }
                }
              });
        });
    config.jetty.modifyServletContextHandler(
        handler -> {
          handler.setErrorHandler(new JsonErrorHandler());
          FilterHolder holder = new FilterHolder(gate);
          holder.setAsyncSupported(true);
          handler.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        });
  }

  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
    pool.setName("va-http");
    return pool;
  }
}
