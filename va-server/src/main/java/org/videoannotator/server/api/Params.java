package org.videoannotator.server.api;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.videoannotator.server.errors.DomainException;

/** Typed, validated query parameters; every failure names the parameter and the bad value. */
public final class Params {
  private Params() {}

  /** A query parameter, stripped; empty when absent or blank. */
  public static Optional<String> string(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** An integer query parameter in {@code [min, max]}, or {@code dflt} when absent. */
  public static int integer(Context ctx, String name, int dflt, int min, int max) {
    Optional<String> v = string(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    return parseInt(name, v.get(), min, max);
  }

  /** Parses an integer in {@code [min, max]} or throws 400 naming {@code field}. */
  public static int parseInt(String field, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n < min || n > max) {
        throw ApiException.badRequest(
            field, field + " must be in " + min + ".." + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          field, field + " must be an integer, got '" + shorten(text) + "'");
    }
  }

  /** A boolean query parameter ({@code true/false/1/0/yes/no}), or {@code dflt} when absent. */
  public static boolean bool(Context ctx, String name, boolean dflt) {
    Optional<String> v = string(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ApiException.badRequest(
              name, name + " must be true or false, got '" + shorten(v.get()) + "'");
    };
  }

  /** One of the allowed values (case-sensitive), or {@code dflt} when absent. */
  public static String oneOf(Context ctx, String name, String dflt, Collection<String> allowed) {
    Optional<String> v = string(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    if (!allowed.contains(v.get())) {
      throw ApiException.badRequest(
          name, name + " must be one of " + allowed + ", got '" + shorten(v.get()) + "'");
    }
    return v.get();
  }

  /** Shortens user input quoted in a message so an error never echoes megabytes. */
  public static String shorten(String text) {
    return DomainException.shorten(text);
  }
}
