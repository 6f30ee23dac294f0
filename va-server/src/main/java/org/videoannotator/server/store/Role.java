package org.videoannotator.server.store;

import java.util.Locale;

/**
 * What an account may do: read (viewer), also vote (annotator), also settle disagreements
 * (reviewer), also delete and manage (admin); ordered, least first. Which action needs which role
 * is {@code auth.Permission}.
 */
public enum Role {
  VIEWER,
  ANNOTATOR,
  REVIEWER,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String text) {
    for (Role r : values()) {
      if (r.wire().equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "role must be admin, reviewer, annotator or viewer, got '" + text + "'");
  }

  public boolean isAdmin() {
    return this == ADMIN;
  }
}
