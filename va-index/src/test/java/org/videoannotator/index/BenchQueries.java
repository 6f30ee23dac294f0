package org.videoannotator.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.VectorMath;

/**
 * The query sets {@code va bench index} measures recall on, each with its exact top-k. By-example
 * queries are clips' own vectors (the row must come back first) or held-out vectors from the data's
 * distribution; text queries are a corpus's named queries (label text embeddings) or synthetic text
 * vectors across a modality gap: as with CLIP, where text and video embeddings occupy separate
 * cones, each lies mostly along one direction shared by all text ({@link #GAP}) and only partly
 * along the clips it describes, so its best cosine to any clip is low (about 0.2-0.35) and a graph
 * built over clip vectors has no edges that lead towards it.
 *
 * @param name what the queries are ({@code by-example}, {@code text-gap}, {@code named})
 * @param queries unit vectors
 * @param selfRows for by-example queries of corpus clips, each query's own row (else null)
 * @param labels a name per query (the named query's name, or the row), for the worst query
 */
public record BenchQueries(String name, float[][] queries, int[] selfRows, List<String> labels) {
  /** Weight of the shared text direction against the described clip (1) and a second clip. */
  public static final double GAP = 2.5;

  private static final double SECOND = 0.7;
  private static final double NOISE = 0.8;

  public int size() {
    return queries.length;
  }

  /** {@code n} distinct rows' own vectors (all rows when {@code n >= rows}), in row order. */
  public static BenchQueries ofRows(FloatMatrix matrix, int n, long seed) {
    int rows = matrix.rows();
    int[] picked = sample(rows, n, seed);
    float[][] queries = new float[picked.length][];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < picked.length; i++) {
      queries[i] = matrix.row(picked[i]);
      labels.add("row " + picked[i]);
    }
    return new BenchQueries("by-example", queries, picked, labels);
  }

  /** Held-out vectors of the data's distribution (not in the corpus). */
  public static BenchQueries heldOut(float[][] queries) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) {
      labels.add("held-out " + i);
    }
    return new BenchQueries("by-example", queries, null, labels);
  }

  /** A corpus's named queries (label text embeddings), by name. */
  public static BenchQueries named(Map<String, float[]> named) {
    Map<String, float[]> ordered = new LinkedHashMap<>(named);
    return new BenchQueries(
        "named", ordered.values().toArray(float[][]::new), null, List.copyOf(ordered.keySet()));
  }

  /**
   * {@code n} synthetic text vectors: the shared text direction (weight {@link #GAP}), a random row
   * it describes (1), a second random row (0.7) and noise (0.8), normalised.
   */
  public static BenchQueries textGap(FloatMatrix matrix, int n, long seed) {
    int dim = matrix.dim();
    SplittableRandom random = new SplittableRandom(seed);
    float[] gap = unitGaussian(dim, new SplittableRandom(seed ^ 0x5eed_7e47L));
    float[][] queries = new float[n][dim];
    List<String> labels = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      int first = random.nextInt(matrix.rows());
      int second = random.nextInt(matrix.rows());
      float[] a = matrix.row(first);
      float[] b = matrix.row(second);
      float[] noise = unitGaussian(dim, random);
      for (int i = 0; i < dim; i++) {
        queries[q][i] = (float) (GAP * gap[i] + a[i] + SECOND * b[i] + NOISE * noise[i]);
      }
      VectorMath.normalizeInPlace(queries[q]);
      labels.add("text about rows " + first + "+" + second);
    }
    return new BenchQueries("text-gap", queries, null, labels);
  }

  private static int[] sample(int rows, int n, long seed) {
    if (n >= rows) {
      int[] all = new int[rows];
      for (int i = 0; i < rows; i++) {
        all[i] = i;
      }
      return all;
    }
    java.util.BitSet taken = new java.util.BitSet(rows);
    SplittableRandom random = new SplittableRandom(seed);
    while (taken.cardinality() < n) {
      taken.set(random.nextInt(rows));
    }
    return taken.stream().toArray();
  }

  private static float[] unitGaussian(int dim, SplittableRandom random) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      double u = 1 - random.nextDouble();
      v[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return VectorMath.normalizeInPlace(v);
  }
}
