package org.videoannotator.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id hashes of account secrets ({@link Argon2id}), stored as {@code
 * argon2id$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} so the cost can grow later. One working
 * memory serves every hash and check of the process, one at a time.
 */
public final class SecretHash {
  private static final SecureRandom RANDOM = new SecureRandom();
  // OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane.
  private static final int MEMORY_KIB = 19_456;
  private static final int PASSES = 2;
  private static final int LANES = 1;
  private static final int LENGTH = 32;
  private static final Argon2id ARGON2 = new Argon2id();

  private SecretHash() {}

  /** A hash no secret is checked against for real: unknown names cost as much as known ones. */
  private static final class Decoy {
    static final String HASH = hash(newDecoySecret());

    private static String newDecoySecret() {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
  }

  /**
   * Spends the time of one {@link #matches} and returns false: called for a name that has no
   * account, so the answer takes as long as for a real name with a wrong secret (no name probing by
   * timing).
   */
  public static boolean matchesNoAccount(String secret) {
    matches(secret, Decoy.HASH);
    return false;
  }

  public static String hash(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] out = derive(secret, salt, MEMORY_KIB, PASSES, LANES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "argon2id$m="
        + MEMORY_KIB
        + ",t="
        + PASSES
        + ",p="
        + LANES
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(out);
  }

  /** Whether {@code secret} matches {@code stored} (constant-time comparison). */
  public static boolean matches(String secret, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("argon2id")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[1].split(",")) {
      String[] pair = kv.split("=");
      int v = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(secret, salt, m, t, p));
  }

  private static byte[] derive(String secret, byte[] salt, int memoryKib, int passes, int lanes) {
    return ARGON2.hash(
        secret.getBytes(StandardCharsets.UTF_8),
        salt,
        null,
        null,
        memoryKib,
        passes,
        lanes,
        LENGTH);
  }
}
