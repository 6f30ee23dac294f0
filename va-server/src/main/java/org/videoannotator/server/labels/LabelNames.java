package org.videoannotator.server.labels;

import java.nio.charset.StandardCharsets;
import org.videoannotator.server.errors.DomainException;

/**
 * What a label name may be: 1..100 characters, no control characters, no {@code /} or {@code \}
 * (names travel in URL paths and, escaped, in file names). Anything else (spaces, quotes, HTML) is
 * allowed: the UI shows names as text.
 */
public final class LabelNames {
  public static final int MAX_LENGTH = 100;

  private LabelNames() {}

  /** Returns the stripped name or throws 400 naming {@code field}. */
  public static String check(String field, String name) {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid(field, field + " must be a non-empty label name");
    }
    String n = name.strip();
    if (n.length() > MAX_LENGTH) {
      throw DomainException.invalid(
          field, field + " must be at most " + MAX_LENGTH + " characters, got " + n.length());
    }
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (Character.isISOControl(ch) || ch == '/' || ch == '\\') {
        throw DomainException.invalid(
            field,
            field
                + " must not contain '/', '\\' or control characters: '"
                + DomainException.shorten(n)
                + "'");
      }
    }
    return n;
  }

  /**
   * A file-system-safe folder name for a label: letters, digits, {@code -}, {@code _} and {@code .}
   * kept, everything else as {@code %XX} of its UTF-8 bytes; a leading dot is escaped too.
   */
  public static String folderName(String name) {
    StringBuilder out = new StringBuilder();
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean safe =
          (b >= 'a' && b <= 'z')
              || (b >= 'A' && b <= 'Z')
              || (b >= '0' && b <= '9')
              || b == '-'
              || b == '_'
              || (b == '.' && i > 0);
      if (safe) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b));
      }
    }
    return out.toString();
  }
}
