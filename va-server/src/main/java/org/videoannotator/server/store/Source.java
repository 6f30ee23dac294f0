package org.videoannotator.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.videoannotator.core.UserException;

/**
 * Where a clip was shown when it was annotated. {@code kind} is one of {@link #KINDS}; the other
 * fields are set only when they apply (search query, feed name and build id, import format; who
 * settled a disagreement and their note, for {@code settle}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(
    String kind, String query, String feed, Long buildId, String format, String by, String note) {
  public static final Set<String> KINDS =
      Set.of("search", "browse", "feed", "review", "import", "other", "undo", "settle");

  public Source(String kind, String query, String feed, Long buildId, String format) {
    this(kind, query, feed, buildId, format, null, null);
  }

  public Source {
    if (kind == null || !KINDS.contains(kind)) {
      throw new UserException("source.kind must be one of " + KINDS + ", got " + kind);
    }
  }

  public static Source other() {
    return new Source("other", null, null, null, null);
  }

  public static Source undo() {
    return new Source("undo", null, null, null, null);
  }

  public static Source review() {
    return new Source("review", null, null, null, null);
  }

  public static Source imported(String format) {
    return new Source("import", null, null, null, format);
  }

  /** A settlement (or its undo) by {@code by}, with an optional note. */
  public static Source settle(String by, String note) {
    return new Source("settle", null, null, null, null, by, note);
  }

  public static Source feed(String feed, long buildId) {
    return new Source("feed", null, feed, buildId, null);
  }
}
