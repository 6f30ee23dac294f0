package org.videoannotator.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * A connection must deliver a whole request head (request line and headers) within {@link
 * HttpLimits#HEADER_DEADLINE_MILLIS} of opening, or of finishing its previous request; else it is
 * closed. Jetty's idle timeout alone restarts with every byte, so a client trickling a header a
 * byte a second was never dropped. A bean on each connector: it hears connections open and close,
 * and requests begin (head complete) and end.
 */
final class HeaderDeadline extends AbstractLifeCycle
    implements Connection.Listener, HttpChannel.Listener {
  private final long deadlineMillis;

  /** Connections waiting for a request head, with when they started waiting (nanoTime). */
  private final Map<EndPoint, Long> waiting = new ConcurrentHashMap<>();

  private ScheduledExecutorService sweeper;

  HeaderDeadline(long deadlineMillis) {
    this.deadlineMillis = deadlineMillis;
  }

  @Override
  public void onOpened(Connection connection) {
    waiting.put(connection.getEndPoint(), System.nanoTime());
  }

  @Override
  public void onClosed(Connection connection) {
    waiting.remove(connection.getEndPoint());
  }

  @Override
  public void onRequestBegin(Request request) {
    waiting.remove(request.getHttpChannel().getEndPoint());
  }

  @Override
  public void onComplete(Request request) {
    EndPoint endPoint = request.getHttpChannel().getEndPoint();
    if (endPoint.isOpen()) {
      waiting.put(endPoint, System.nanoTime());
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    waiting.forEach(
        (endPoint, since) -> {
          if (TimeUnit.NANOSECONDS.toMillis(now - since) > deadlineMillis
              && waiting.remove(endPoint, since)) {
            endPoint.close();
          }
        });
  }

  @Override
  protected synchronized void doStart() {
    if (sweeper == null) {
      sweeper =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "va-http-header-deadline");
                t.setDaemon(true);
                return t;
              });
      long every = Math.max(100, deadlineMillis / 10);
      sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  protected synchronized void doStop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
    waiting.clear();
  }
}
