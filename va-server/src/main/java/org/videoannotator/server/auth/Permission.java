package org.videoannotator.server.auth;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.store.Role;

/**
 * Who may do what, in one place: the least role each action needs when the corpus has accounts
 * (without accounts there is no role, and everything is allowed). Viewers only read, which includes
 * the few POSTs that compute without changing anything ({@link #onlyReads}).
 */
public enum Permission {
  /** Any request that changes data: votes, labels, builds, imports. */
  CHANGE_DATA(Role.ANNOTATOR, "change things"),
  /** A label's description or keywords: annotators refine them as they learn; audited. */
  EDIT_LABEL(Role.ANNOTATOR, "edit a label"),
  /**
   * Creating a deleted label's name again brings its history back: undoes an admin's delete;
   * audited.
   */
  REVIVE_LABEL(Role.ADMIN, "re-create a deleted label"),
  DELETE_LABEL(Role.ADMIN, "delete a label"),
  /**
   * A label's overlap and assignees: who works on it is the admin's call; audited. Which annotators
   * a label takes votes from is then its assignment ({@code assign.AssignmentService}).
   */
  ASSIGN_LABEL(Role.ADMIN, "set a label's overlap and assignees"),
  /** Settling a disagreement (or undoing a settlement): the clip's final answer; audited. */
  SETTLE(Role.REVIEWER, "settle disagreements");

  /** POSTs that only read: scoring clips with a saved model. */
  private static final Pattern READ_ONLY_POSTS =
      Pattern.compile("/api/labels/[^/]+/models/[^/]+/score");

  private final Role least;
  private final String what;

  Permission(Role least, String what) {
    this.least = least;
    this.what = what;
  }

  /** Whether a request with this method and path only reads. */
  public static boolean onlyReads(String method, String path) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> true;
      case "POST" -> READ_ONLY_POSTS.matcher(path).matches();
      default -> false;
    };
  }

  boolean allows(Role role) {
    return role.compareTo(least) >= 0;
  }

  /** Whether the request may do this (always, without accounts). */
  public boolean grantedTo(Context ctx) {
    return Principal.of(ctx).map(u -> allows(u.role())).orElse(true);
  }

  /** Refuses (403) a request whose account lacks this permission. */
  public void require(Context ctx) {
    Principal.of(ctx).ifPresent(u -> requireFor(u.name(), u.role()));
  }

  private String whoMay() {
    return switch (least) {
      case ADMIN -> "an admin";
      case REVIEWER -> "reviewers and admins";
      default -> "annotators, reviewers and admins";
    };
  }

  void requireFor(String name, Role role) {
    if (!allows(role)) {
      throw new ApiException(
          403,
          "forbidden",
          null,
          "only " + whoMay() + " may " + what + "; '" + name + "' is " + role.wire());
    }
  }
}
