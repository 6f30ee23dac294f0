package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A port of numpy's legacy {@code numpy.random.RandomState}: the MT19937 generator seeded as numpy
 * seeds it, and the draws the reference uses, consuming the generator exactly as numpy does so that
 * the same seed yields the same numbers ({@code random_sample}, {@code randint} by masked
 * rejection, {@code choice} with and without replacement and with probabilities, {@code
 * permutation}, {@code shuffle}). Not thread-safe: one instance per thread of work.
 */
public final class NumpyRandomState {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int pos;
  private boolean hasGauss;
  private double gauss;

  /** {@code RandomState(seed)} for an int seed in [0, 2^32): numpy's {@code init_genrand}. */
  public NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
    }
    initGenrand((int) seed);
  }

  /** {@code RandomState(np.array(key, dtype=uint32))}: numpy's {@code init_by_array}. */
  public static NumpyRandomState ofArray(int[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("seed array must not be empty");
    }
    NumpyRandomState rs = new NumpyRandomState(0);
    rs.initByArray(key);
    return rs;
  }

  private void initGenrand(int seed) {
    mt[0] = seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    pos = N;
    hasGauss = false;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    pos = N;
    hasGauss = false;
  }

  private void generate() {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    pos = 0;
  }

  /** The next raw 32-bit output, as an unsigned value in a long. */
  public long nextUint32() {
    if (pos == N) {
      generate();
    }
    int y = mt[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private long nextUint64() {
    return (nextUint32() << 32) | nextUint32();
  }

  /** {@code random_sample()}: a double in [0, 1) with 53 random bits. */
  public double randomSample() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** {@code random_sample(n)} (also {@code rand(n)}). */
  public double[] randomSample(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = randomSample();
    }
    return out;
  }

  /**
   * {@code standard_normal()}: legacy numpy's polar Box-Muller, which yields two normals per
   * accepted pair and keeps the second for the next call.
   */
  public double standardNormal() {
    if (hasGauss) {
      hasGauss = false;
      return gauss;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * randomSample() - 1.0;
      x2 = 2.0 * randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /** {@code standard_normal(n)}. */
  public double[] standardNormal(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = standardNormal();
    }
    return out;
  }

  /** {@code rand(rows, cols)}: rows filled one after another, as numpy fills C order. */
  public double[][] rand(int rows, int cols) {
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = randomSample(cols);
    }
    return out;
  }

  /** {@code randint(low, high)}: a long in [low, high), legacy masked rejection sampling. */
  public long randint(long low, long high) {
    if (high <= low) {
      throw new IllegalArgumentException("randint: low >= high (" + low + " >= " + high + ")");
    }
    return low + boundedMasked(high - low - 1);
  }

  /** {@code randint(low, high, size=n)}. */
  public long[] randint(long low, long high, int n) {
    if (high <= low) {
      throw new IllegalArgumentException("randint: low >= high (" + low + " >= " + high + ")");
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = low + boundedMasked(high - low - 1);
    }
    return out;
  }

  /** A value in [0, rng] by masking to the smallest all-ones mask and rejecting, as numpy does. */
  private long boundedMasked(long rng) {
    if (rng == 0) {
      return 0;
    }
    long mask = smallestMask(rng);
    if (Long.compareUnsigned(rng, 0xffffffffL) <= 0) {
      if (rng == 0xffffffffL) {
        return nextUint32();
      }
      long v;
      while ((v = nextUint32() & mask) > rng) {
        // rejected: draw again
      }
      return v;
    }
    long v;
    while (Long.compareUnsigned(v = nextUint64() & mask, rng) > 0) {
      // rejected: draw again
    }
    return v;
  }

  private static long smallestMask(long max) {
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask |= mask >>> 32;
    return mask;
  }

  /** numpy's {@code random_interval(max)}: a value in [0, max], used by shuffle. */
  private long interval(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = smallestMask(max);
    long v;
    if (max <= 0xffffffffL) {
      while ((v = nextUint32() & mask) > max) {
        // rejected
      }
    } else {
      while ((v = nextUint64() & mask) > max) {
        // rejected
      }
    }
    return v;
  }

  /** {@code shuffle(x)} in place (Fisher-Yates from the end, as numpy). */
  public void shuffle(int[] x) {
    for (int i = x.length - 1; i > 0; i--) {
      int j = (int) interval(i);
      int t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** {@code shuffle(x)} in place for a list. */
  public <T> void shuffle(List<T> x) {
    for (int i = x.size() - 1; i > 0; i--) {
      int j = (int) interval(i);
      x.set(i, x.set(j, x.get(i)));
    }
  }

  /** {@code permutation(n)}: a shuffled {@code arange(n)}. */
  public int[] permutation(int n) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    shuffle(x);
    return x;
  }

  /** {@code permutation(list)}: a shuffled copy. */
  public <T> List<T> permutation(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    shuffle(copy);
    return copy;
  }

  /** {@code choice(n, size)} with replacement, uniform: {@code randint(0, n, size)}. */
  public int[] choice(int n, int size) {
    if (n <= 0) {
      throw new IllegalArgumentException("choice: population must be positive, got " + n);
    }
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) boundedMasked(n - 1L);
    }
    return out;
  }

  /**
   * {@code choice(n, size, replace, p)} exactly as legacy numpy draws it; {@code p} may be null
   * (uniform).
   */
  public int[] choice(int n, int size, boolean replace, double[] p) {
    if (n <= 0) {
      throw new IllegalArgumentException("choice: population must be positive, got " + n);
    }
    if (size < 0) {
      throw new IllegalArgumentException("choice: negative size " + size);
    }
    if (p != null) {
      checkProbabilities(n, p);
    }
    if (replace) {
      if (p == null) {
        return choice(n, size);
      }
      double[] cdf = normalisedCdf(p);
      int[] out = new int[size];
      double[] u = randomSample(size);
      for (int i = 0; i < size; i++) {
        out[i] = searchSortedRight(cdf, u[i]);
      }
      return out;
    }
    if (size > n) {
      throw new IllegalArgumentException(
          "choice: cannot take a larger sample ("
              + size
              + ") than population ("
              + n
              + ") when replace=False");
    }
    if (p == null) {
      return Arrays.copyOf(permutation(n), size);
    }
    int nonZero = 0;
    for (double v : p) {
      if (v > 0) {
        nonZero++;
      }
    }
    if (size > nonZero) {
      throw new IllegalArgumentException(
          "choice: fewer non-zero entries in p (" + nonZero + ") than size (" + size + ")");
    }
    return choiceWithoutReplacement(size, p.clone());
  }

  /** numpy's loop: draw the missing count, zero found entries, keep first-seen new indices. */
  private int[] choiceWithoutReplacement(int size, double[] p) {
    int[] found = new int[size];
    int nUniq = 0;
    while (nUniq < size) {
      double[] x = randomSample(size - nUniq);
      for (int i = 0; i < nUniq; i++) {
        p[found[i]] = 0;
      }
      double[] cdf = normalisedCdf(p);
      int[] fresh = new int[x.length];
      for (int i = 0; i < x.length; i++) {
        fresh[i] = searchSortedRight(cdf, x[i]);
      }
      // np.unique(return_index) then sorting the indices: each distinct value at its first position
      Set<Integer> seen = new HashSet<>();
      for (int v : fresh) {
        if (seen.add(v)) {
          found[nUniq++] = v;
        }
      }
    }
    return found;
  }

  private static void checkProbabilities(int n, double[] p) {
    if (p.length != n) {
      throw new IllegalArgumentException(
          "choice: a and p must have the same size (" + n + " vs " + p.length + ")");
    }
    double sum = 0;
    double c = 0;
    for (double v : p) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("choice: probabilities are not non-negative: " + v);
      }
      // Kahan summation, as numpy checks the sum
      double y = v - c;
      double t = sum + y;
      c = (t - sum) - y;
      sum = t;
    }
    if (Math.abs(sum - 1.0) > Math.sqrt(Math.ulp(1.0))) {
      throw new IllegalArgumentException("choice: probabilities do not sum to 1 (sum " + sum + ")");
    }
  }

  /** {@code cdf = cumsum(p); cdf /= cdf[-1]}. */
  private static double[] normalisedCdf(double[] p) {
    double[] cdf = new double[p.length];
    double acc = 0;
    for (int i = 0; i < p.length; i++) {
      acc += p[i];
      cdf[i] = acc;
    }
    double last = cdf[cdf.length - 1];
    for (int i = 0; i < cdf.length; i++) {
      cdf[i] /= last;
    }
    return cdf;
  }

  /** {@code searchsorted(cdf, u, side='right')}: the first index whose value is greater than u. */
  private static int searchSortedRight(double[] cdf, double u) {
    int lo = 0;
    int hi = cdf.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] <= u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
