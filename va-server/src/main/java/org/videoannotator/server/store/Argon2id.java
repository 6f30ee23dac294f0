package org.videoannotator.server.store;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 0x13, as RFC 9106 specifies it, with working memory that is kept and reused
 * from one hash to the next. Bouncy Castle's generator allocates its memory afresh for every hash
 * (19,456 objects of 1 KiB for our cost): at ten secret checks a second that was ~190 MB/s of
 * allocation, and the check running during each young collection was copied into the old
 * generation, so the heap (and the server's resident memory) grew under a flood of wrong secrets.
 * Here the memory is one array allocated once (at the largest cost seen); an instance computes one
 * hash at a time, and clears the memory after each.
 */
final class Argon2id {
  private static final int BLOCK_LONGS = 128; // a block is 1 KiB: 128 64-bit words
  private static final int BLOCK_BYTES = 1024;
  private static final int SYNC_POINTS = 4; // slices per pass
  private static final int VERSION = 0x13;
  private static final int TYPE = 2; // Argon2id
  private static final long LOW32 = 0xFFFF_FFFFL;

  /** Blocks a long[] can hold: costs above this (about 16 GiB) are refused. */
  private static final long MAX_BLOCKS = (Integer.MAX_VALUE - 8) / BLOCK_LONGS;

  private long[] memory = new long[0];
  private final long[] r = new long[BLOCK_LONGS];
  private final long[] keep = new long[BLOCK_LONGS];
  private final long[] zero = new long[BLOCK_LONGS];
  private final long[] input = new long[BLOCK_LONGS];
  private final long[] addresses = new long[BLOCK_LONGS];
  private final byte[] bytes = new byte[BLOCK_BYTES];

  /**
   * The {@code tagLength}-byte tag of {@code password} with {@code salt}, optional {@code secret}
   * (K) and {@code associated} data (X), {@code memoryKib} KiB, {@code passes} and {@code lanes}.
   *
   * @throws IllegalArgumentException for a cost outside RFC 9106's ranges or too large to hold
   */
  synchronized byte[] hash(
      byte[] password,
      byte[] salt,
      byte[] secret,
      byte[] associated,
      int memoryKib,
      int passes,
      int lanes,
      int tagLength) {
    if (lanes < 1
        || lanes > 0xFF_FFFF
        || passes < 1
        || tagLength < 4
        || memoryKib < 8 * lanes
        || memoryKib > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "Argon2id cost out of range: m="
              + memoryKib
              + " KiB, t="
              + passes
              + ", p="
              + lanes
              + ", tag "
              + tagLength
              + " bytes");
    }
    int segment = memoryKib / (lanes * SYNC_POINTS);
    int laneLength = segment * SYNC_POINTS;
    int blocks = laneLength * lanes; // m', the memory rounded down to whole segments
    if (memory.length < blocks * BLOCK_LONGS) {
      memory = new long[blocks * BLOCK_LONGS];
    }
    try {
      byte[] h0 = h0(password, salt, secret, associated, memoryKib, passes, lanes, tagLength);
      byte[] seed = Arrays.copyOf(h0, h0.length + 8);
      for (int lane = 0; lane < lanes; lane++) {
        for (int column = 0; column < 2; column++) {
          putLe32(seed, 64, column);
          putLe32(seed, 68, lane);
          longHash(seed, bytes, BLOCK_BYTES);
          load(bytes, memory, (lane * laneLength + column) * BLOCK_LONGS);
        }
      }
      for (int pass = 0; pass < passes; pass++) {
        for (int slice = 0; slice < SYNC_POINTS; slice++) {
          for (int lane = 0; lane < lanes; lane++) {
            fillSegment(pass, slice, lane, lanes, segment, laneLength, blocks, passes);
          }
        }
      }
      // The tag: the XOR of each lane's last block, hashed to the tag length.
      System.arraycopy(memory, (laneLength - 1) * BLOCK_LONGS, r, 0, BLOCK_LONGS);
      for (int lane = 1; lane < lanes; lane++) {
        int last = ((lane + 1) * laneLength - 1) * BLOCK_LONGS;
        for (int i = 0; i < BLOCK_LONGS; i++) {
          r[i] ^= memory[last + i];
        }
      }
      store(r, bytes);
      byte[] tag = new byte[tagLength];
      longHash(bytes, tag, tagLength);
      return tag;
    } finally {
      Arrays.fill(memory, 0, blocks * BLOCK_LONGS, 0L); // no secret-derived state left behind
      Arrays.fill(r, 0L);
      Arrays.fill(keep, 0L);
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** RFC 9106 section 3.2 step 1: H0 over the parameters and inputs. */
  private static byte[] h0(
      byte[] password,
      byte[] salt,
      byte[] secret,
      byte[] associated,
      int memoryKib,
      int passes,
      int lanes,
      int tagLength) {
    Blake2bDigest h = new Blake2bDigest(512);
    for (int v : new int[] {lanes, tagLength, memoryKib, passes, VERSION, TYPE}) {
      update32(h, v);
    }
    for (byte[] field : new byte[][] {password, salt, secret, associated}) {
      byte[] f = field == null ? new byte[0] : field;
      update32(h, f.length);
      h.update(f, 0, f.length);
    }
    byte[] out = new byte[64];
    h.doFinal(out, 0);
    return out;
  }

  /**
   * RFC 9106 section 3.3: H', the variable-length hash, of {@code in} into {@code out[0, length)}.
   */
  private static void longHash(byte[] in, byte[] out, int length) {
    if (length <= 64) {
      Blake2bDigest h = new Blake2bDigest(length * 8);
      update32(h, length);
      h.update(in, 0, in.length);
      byte[] v = new byte[length];
      h.doFinal(v, 0);
      System.arraycopy(v, 0, out, 0, length);
      return;
    }
    int r = (length + 31) / 32 - 2;
    byte[] v = new byte[64];
    Blake2bDigest h = new Blake2bDigest(512);
    update32(h, length);
    h.update(in, 0, in.length);
    h.doFinal(v, 0);
    System.arraycopy(v, 0, out, 0, 32);
    for (int i = 1; i < r; i++) {
      h.update(v, 0, 64);
      h.doFinal(v, 0);
      System.arraycopy(v, 0, out, 32 * i, 32);
    }
    int last = length - 32 * r;
    Blake2bDigest tail = new Blake2bDigest(last * 8);
    tail.update(v, 0, 64);
    byte[] end = new byte[last];
    tail.doFinal(end, 0);
    System.arraycopy(end, 0, out, 32 * r, last);
  }

  /** RFC 9106 section 3.4: one segment (a lane's slice of a pass). */
  private void fillSegment(
      int pass,
      int slice,
      int lane,
      int lanes,
      int segment,
      int laneLength,
      int blocks,
      int passes) {
    // Argon2id: data-independent addresses in the first half of the first pass, then
    // data-dependent.
    boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
    if (independent) {
      Arrays.fill(input, 0L);
      input[0] = pass;
      input[1] = lane;
      input[2] = slice;
      input[3] = blocks;
      input[4] = passes;
      input[5] = TYPE;
    }
    int start = 0;
    if (pass == 0 && slice == 0) {
      start = 2; // the first two blocks of each lane come from H0
      if (independent) {
        nextAddresses();
      }
    }
    int current = lane * laneLength + slice * segment + start;
    int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
    for (int i = start; i < segment; i++, current++, previous++) {
      if (current % laneLength == 1) {
        previous = current - 1;
      }
      long pseudoRandom;
      if (independent) {
        if (i % BLOCK_LONGS == 0) {
          nextAddresses();
        }
        pseudoRandom = addresses[i % BLOCK_LONGS];
      } else {
        pseudoRandom = memory[previous * BLOCK_LONGS];
      }
      int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
      long refIndex =
          referenceIndex(
              pass, slice, i, segment, laneLength, pseudoRandom & LOW32, refLane == lane);
      int reference = (int) (refLane * (long) laneLength + refIndex);
      fillBlock(
          memory,
          previous * BLOCK_LONGS,
          memory,
          reference * BLOCK_LONGS,
          memory,
          current * BLOCK_LONGS,
          pass > 0);
    }
  }

  /** RFC 9106 section 3.4.1.1: the next 128 pseudo-random values of a data-independent segment. */
  private void nextAddresses() {
    input[6]++;
    fillBlock(zero, 0, input, 0, addresses, 0, false);
    fillBlock(zero, 0, addresses, 0, addresses, 0, false);
  }

  /**
   * RFC 9106 section 3.4.2: which block of the reference lane block {@code index} of this segment
   * reads.
   */
  private static long referenceIndex(
      int pass, int slice, int index, int segment, int laneLength, long j1, boolean sameLane) {
    long area;
    if (pass == 0) {
      if (slice == 0) {
        area = index - 1L;
      } else if (sameLane) {
        area = (long) slice * segment + index - 1;
      } else {
        area = (long) slice * segment + (index == 0 ? -1 : 0);
      }
    } else if (sameLane) {
      area = (long) laneLength - segment + index - 1;
    } else {
      area = (long) laneLength - segment + (index == 0 ? -1 : 0);
    }
    long x = (j1 * j1) >>> 32;
    long relative = area - 1 - ((area * x) >>> 32);
    long startPosition = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segment;
    return (startPosition + relative) % laneLength;
  }

  /**
   * RFC 9106 section 3.5, the compression G: {@code out = P(x ^ y) ^ x ^ y}, also XORed with the
   * old {@code out} when {@code xorOld} (passes after the first). {@code out} may alias the inputs.
   */
  private void fillBlock(
      long[] x, int xAt, long[] y, int yAt, long[] out, int outAt, boolean xorOld) {
    for (int i = 0; i < BLOCK_LONGS; i++) {
      long v = x[xAt + i] ^ y[yAt + i];
      r[i] = v;
      keep[i] = xorOld ? v ^ out[outAt + i] : v;
    }
    for (int i = 0; i < 8; i++) { // P on the rows of 16 words
      int b = 16 * i;
      permute(
          r, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11,
          b + 12, b + 13, b + 14, b + 15);
    }
    for (int i = 0; i < 8; i++) { // P on the columns of pairs of words
      int b = 2 * i;
      permute(
          r, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80,
          b + 81, b + 96, b + 97, b + 112, b + 113);
    }
    for (int i = 0; i < BLOCK_LONGS; i++) {
      out[outAt + i] = keep[i] ^ r[i];
    }
  }

  /** The permutation P: BLAKE2b's round without message words, on 16 words of {@code v}. */
  private static void permute(
      long[] v,
      int v0,
      int v1,
      int v2,
      int v3,
      int v4,
      int v5,
      int v6,
      int v7,
      int v8,
      int v9,
      int v10,
      int v11,
      int v12,
      int v13,
      int v14,
      int v15) {
    mix(v, v0, v4, v8, v12);
    mix(v, v1, v5, v9, v13);
    mix(v, v2, v6, v10, v14);
    mix(v, v3, v7, v11, v15);
    mix(v, v0, v5, v10, v15);
    mix(v, v1, v6, v11, v12);
    mix(v, v2, v7, v8, v13);
    mix(v, v3, v4, v9, v14);
  }

  /** GB: BLAKE2b's G with the multiplications that make Argon2's rounds costly to shortcut. */
  private static void mix(long[] v, int ia, int ib, int ic, int id) {
    long a = v[ia];
    long b = v[ib];
    long c = v[ic];
    long d = v[id];
    a += b + 2 * (a & LOW32) * (b & LOW32);
    d = Long.rotateRight(d ^ a, 32);
    c += d + 2 * (c & LOW32) * (d & LOW32);
    b = Long.rotateRight(b ^ c, 24);
    a += b + 2 * (a & LOW32) * (b & LOW32);
    d = Long.rotateRight(d ^ a, 16);
    c += d + 2 * (c & LOW32) * (d & LOW32);
    b = Long.rotateRight(b ^ c, 63);
    v[ia] = a;
    v[ib] = b;
    v[ic] = c;
    v[id] = d;
  }

  private static void update32(Blake2bDigest h, int value) {
    byte[] le = new byte[4];
    putLe32(le, 0, value);
    h.update(le, 0, 4);
  }

  private static void putLe32(byte[] to, int at, int value) {
    to[at] = (byte) value;
    to[at + 1] = (byte) (value >>> 8);
    to[at + 2] = (byte) (value >>> 16);
    to[at + 3] = (byte) (value >>> 24);
  }

  private static void load(byte[] from, long[] to, int at) {
    for (int i = 0; i < BLOCK_LONGS; i++) {
      long w = 0;
      for (int k = 7; k >= 0; k--) {
        w = (w << 8) | (from[8 * i + k] & 0xFF);
      }
      to[at + i] = w;
    }
  }

  private static void store(long[] from, byte[] to) {
    for (int i = 0; i < BLOCK_LONGS; i++) {
      long w = from[i];
      for (int k = 0; k < 8; k++) {
        to[8 * i + k] = (byte) (w >>> (8 * k));
      }
    }
  }
}
