package org.videoannotator.server.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.DuplicateLabelException;
import org.videoannotator.server.store.UnknownLabelException;

/**
 * Maps every failure of a request to a JSON {@link ErrorBody}: the services' refusals ({@link
 * DomainException}) get the status of their kind ({@link #statusOf}); the HTTP layer's own ({@link
 * ApiException}: a bad parameter, a missing login) keep their status; the project's validation
 * errors ({@link UserException}) are 400, except a vector store that cannot answer ({@link
 * StoreUnavailableException}: 503 {@code store-unavailable}, its message saying what to do);
 * Javalin's (unknown route, body too large) keep theirs. Anything else, including a stray {@link
 * IllegalArgumentException}, is a server bug, not the client's fault: logged with its stack trace
 * under a request id and answered 500 with that id (header {@code X-Request-Id} and body), without
 * internals.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  public static void register(JavalinDefaultRouting router) {
    router.exception(
        ApiException.class,
        (e, ctx) -> {
          e.headers().forEach(ctx::header);
          send(ctx, e.status(), e.body());
        });
    router.exception(
        DomainException.class,
        (e, ctx) -> {
          int status = statusOf(e.kind());
          send(
              ctx,
              status,
              new ErrorBody(
                  e.code() != null ? e.code() : codeOf(status), e.field(), e.getMessage()));
        });
    router.exception(
        DuplicateLabelException.class,
        (e, ctx) ->
            send(
                ctx,
                409,
                new ErrorBody("conflict", "name", e.getMessage() + "; pick another name")));
    router.exception(
        UnknownLabelException.class,
        (e, ctx) -> send(ctx, 404, new ErrorBody("not-found", "label", e.getMessage())));
    // A vector store that cannot answer (cluster down, index deleted) is not the caller's mistake.
    router.exception(
        StoreUnavailableException.class,
        (e, ctx) -> send(ctx, 503, new ErrorBody("store-unavailable", null, e.getMessage())));
    router.exception(
        UserException.class,
        (e, ctx) -> send(ctx, 400, new ErrorBody("bad-request", null, e.getMessage())));
    router.exception(
        HttpResponseException.class,
        (e, ctx) ->
            send(
                ctx,
                e.getStatus(),
                new ErrorBody(
                    codeOf(e.getStatus()),
                    null,
                    e.getMessage() + " (" + ctx.method() + " " + ctx.path() + ")")));
    router.exception(
        Exception.class,
        (e, ctx) -> {
          String id = requestId();
          LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
          ctx.header("X-Request-Id", id);
          send(
              ctx,
              500,
              new ErrorBody(
                  "internal",
                  null,
                  "internal error (request id "
                      + id
                      + "); the server log has the details under that id"));
        });
    // Statuses set by Javalin/Jetty without an exception (no matching route) get the same shape.
    for (int status : new int[] {400, 404, 405, 413}) {
      router.error(
          status,
          ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
              send(
                  ctx,
                  status,
                  new ErrorBody(
                      codeOf(status),
                      null,
                      "no such resource or method: " + ctx.method() + " " + ctx.path()));
            }
          });
    }
  }

  private static String requestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  private static void send(Context ctx, int status, ErrorBody body) {
    ctx.status(status).json(body);
  }

  /** The HTTP status of a service's refusal: the one place a domain kind meets HTTP. */
  public static int statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case FORBIDDEN -> 403;
    };
  }

  /** The error code of the JSON body for an HTTP status (also for Jetty's own rejections). */
  public static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "request-timeout";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 429 -> "too-many-requests";
      case 431 -> "headers-too-large";
      default -> status >= 500 ? "internal" : "error";
    };
  }
}
