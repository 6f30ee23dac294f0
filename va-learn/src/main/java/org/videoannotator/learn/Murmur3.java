package org.videoannotator.learn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 x86_32 (Austin Appleby's reference algorithm), as Python's {@code mmh3.hash} computes
 * it: the key's UTF-8 bytes, a 32-bit seed, the result read as a signed 32-bit int.
 */
public final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  /** A block's four bytes read as one little-endian int (one load, not four). */
  private static final VarHandle BLOCK =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Murmur3() {}

  /**
   * Hash of {@code key}'s UTF-8 bytes with {@code seed}, as a signed int (like {@code mmh3.hash}).
   */
  public static int hash32(String key, int seed) {
    return hash32(key.getBytes(StandardCharsets.UTF_8), seed);
  }

  /** Hash of {@code data} with {@code seed}, as a signed int. */
  public static int hash32(byte[] data, int seed) {
    return hash32(data, 0, data.length, seed);
  }

  /** Hash of {@code data[offset..offset + length)} with {@code seed}, as a signed int. */
  public static int hash32(byte[] data, int offset, int length, int seed) {
    int h = seed;
    int blocks = length / 4;
    for (int i = 0; i < blocks; i++) {
      h ^= mixKey((int) BLOCK.get(data, offset + i * 4));
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int tail = offset + blocks * 4;
    int k = 0;
    switch (length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k ^= data[tail] & 0xff;
        h ^= mixKey(k);
        break;
      default:
        break;
    }
    h ^= length;
    return finalMix(h);
  }

  private static int mixKey(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int finalMix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
