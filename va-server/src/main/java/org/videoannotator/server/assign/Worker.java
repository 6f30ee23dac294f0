package org.videoannotator.server.assign;

import io.javalin.http.Context;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.auth.Permission;

/**
 * Who asks for clips to label: their name (the account's, or without accounts the {@code
 * X-Annotator} name) and whether they may vote. A viewer may read a feed, but claims nothing: their
 * pages must not keep clips from the annotators.
 */
public record Worker(String name, boolean claims) {
  /** An annotator who votes on what they are served. */
  public static Worker annotator(String name) {
    return new Worker(name, true);
  }

  /** The worker of a request. */
  public static Worker of(Context ctx) {
    return new Worker(
        Annotators.resolve(ctx, null, "annotator"), Permission.CHANGE_DATA.grantedTo(ctx));
  }
}
