package org.videoannotator.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Our Argon2id against RFC 9106's test vector, the reference implementation's, and Bouncy Castle's
 * (which the stored hashes were made with) on random inputs; and the reason it exists: a check no
 * longer allocates its working memory.
 */
class Argon2idTest {
  private final Argon2id argon2 = new Argon2id();

  @Test
  void matchesRfc9106Section5_3() {
    byte[] tag =
        argon2.hash(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
    assertEquals(
        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        HexFormat.of().formatHex(tag));
  }

  @Test
  void matchesTheReferenceImplementationsTwoLaneVector() {
    // phc-winner-argon2's test suite:
    // $argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc
    byte[] tag = argon2.hash(ascii("password"), ascii("somesalt"), null, null, 256, 2, 2, 32);
    assertEquals(
        "bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        Base64.getEncoder().withoutPadding().encodeToString(tag));
  }

  @Test
  void matchesBouncyCastleOnRandomInputsWithOneReusedMemory() {
    Random random = new Random(27);
    for (int n = 0; n < 300; n++) {
      int lanes = 1 + random.nextInt(4);
      int memory = 8 * lanes + random.nextInt(300);
      int passes = 1 + random.nextInt(4);
      int tagLength =
          4 + random.nextInt(n % 3 == 0 ? 200 : 60); // also past 64: the long form of H'
      byte[] password = bytes(random, random.nextInt(80));
      byte[] salt = bytes(random, 8 + random.nextInt(32));
      byte[] secret = random.nextBoolean() ? null : bytes(random, 1 + random.nextInt(32));
      byte[] associated = random.nextBoolean() ? null : bytes(random, 1 + random.nextInt(32));
      String what = "m=" + memory + " t=" + passes + " p=" + lanes + " tag=" + tagLength;
      assertArrayEquals(
          bouncyCastle(password, salt, secret, associated, memory, passes, lanes, tagLength),
          argon2.hash(password, salt, secret, associated, memory, passes, lanes, tagLength),
          what);
    }
  }

  @Test
  void matchesBouncyCastleAtTheStoredCost() {
    Random random = new Random(9106);
    for (int n = 0; n < 3; n++) {
      byte[] password = bytes(random, 32);
      byte[] salt = bytes(random, 16);
      assertArrayEquals(
          bouncyCastle(password, salt, null, null, 19_456, 2, 1, 32),
          argon2.hash(password, salt, null, null, 19_456, 2, 1, 32));
    }
  }

  @Test
  void hashesStoredBeforeStillVerify() {
    // Made by the previous SecretHash (Bouncy Castle's generator) for the secret "old-secret".
    String stored =
        "argon2id$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$"
            + Base64.getEncoder()
                .withoutPadding()
                .encodeToString(
                    bouncyCastle(ascii("old-secret"), salt0to15(), null, null, 19_456, 2, 1, 32));
    assertTrue(SecretHash.matches("old-secret", stored));
    assertFalse(SecretHash.matches("old-secreT", stored));
    String fresh = SecretHash.hash("new-secret");
    assertTrue(fresh.startsWith("argon2id$m=19456,t=2,p=1$"), fresh);
    assertTrue(SecretHash.matches("new-secret", fresh));
  }

  @Test
  void aCheckNoLongerAllocatesItsWorkingMemory() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String stored = SecretHash.hash("warm-up"); // the memory is allocated once, here
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 5; i++) {
      SecretHash.matches("wrong-" + i, stored);
    }
    long perCheck = (threads.getThreadAllocatedBytes(id) - before) / 5;
    assertTrue(
        perCheck < 1 << 20,
        "a check allocated " + (perCheck >> 10) + " KiB; the working memory is 19 MiB");
  }

  private static byte[] bouncyCastle(
      byte[] password,
      byte[] salt,
      byte[] secret,
      byte[] associated,
      int memory,
      int passes,
      int lanes,
      int tagLength) {
    Argon2Parameters.Builder params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memory)
            .withIterations(passes)
            .withParallelism(lanes);
    if (secret != null) {
      params.withSecret(secret);
    }
    if (associated != null) {
      params.withAdditional(associated);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params.build());
    byte[] out = new byte[tagLength];
    generator.generateBytes(password, out);
    return out;
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] bytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  private static byte[] salt0to15() {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
