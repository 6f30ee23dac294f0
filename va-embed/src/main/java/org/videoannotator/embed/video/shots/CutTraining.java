package org.videoannotator.embed.video.shots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.synthetic.GroundTruth;

/**
 * Fits the {@link CutModel} on rendered videos with exact truth: every cut candidate of our
 * detector becomes one example, labelled 1 when a true cut starts at that frame; candidates within
 * a frame of a true gradual transition are left out (a cut there is neither right nor wrong).
 * Logistic regression on standardised features, L2-regularised, by Newton's method.
 */
public final class CutTraining {
  /** Regularisation: keeps weights finite when a feature separates the training set. */
  private static final double L2 = 1e-2;

  private static final int ITERATIONS = 30;

  /** A rendered video and its truth. */
  public record Video(Path file, GroundTruth truth) {}

  private CutTraining() {}

  /** Trains on {@code videos}, writes the model to {@code out} and reports to {@code log}. */
  public static void train(List<Video> videos, String trainedOn, Path out, PrintWriter log) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (Video v : videos) {
      ShotDetector d = new ShotDetector();
      new VideoDecoder().decode(v.file(), DecodeOptions.defaults(), d.sink());
      for (HardCutRule.Candidate c : d.finishForTraining()) {
        int f = c.frame();
        if (v.truth().transitions().stream()
            .anyMatch(t -> !t.isCut() && f >= t.start() - 1 && f <= t.end() + 1)) {
          continue;
        }
        xs.add(c.features());
        ys.add(v.truth().transitions().stream().anyMatch(t -> t.isCut() && t.start() == f) ? 1 : 0);
      }
    }
    int n = xs.size();
    int k = CutFeatures.NAMES.size();
    double[] mean = new double[k];
    double[] scale = new double[k];
    for (double[] x : xs) {
      for (int j = 0; j < k; j++) {
        mean[j] += x[j] / n;
      }
    }
    for (double[] x : xs) {
      for (int j = 0; j < k; j++) {
        scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < k; j++) {
      scale[j] = Math.max(1e-6, Math.sqrt(scale[j]));
    }
    double[] w = fit(xs, ys, mean, scale);
    double[] weights = Arrays.copyOf(w, k);
    CutModel model = new CutModel(1, CutFeatures.NAMES, mean, scale, weights, w[k], 0.5, trainedOn);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int positives = 0;
    for (int i = 0; i < n; i++) {
      boolean cut = model.probability(xs.get(i)) >= model.threshold();
      positives += ys.get(i);
      tp += cut && ys.get(i) == 1 ? 1 : 0;
      fp += cut && ys.get(i) == 0 ? 1 : 0;
      fn += !cut && ys.get(i) == 1 ? 1 : 0;
    }
    log.printf(
        Locale.ROOT,
        "%d candidates (%d cuts) from %d videos; on them: %d right, %d false," + " %d missed%n",
        n,
        positives,
        videos.size(),
        tp,
        fp,
        fn);
    for (int j = 0; j < k; j++) {
      log.printf(
          Locale.ROOT,
          "  %-20s weight %+.3f (mean %.3f, scale %.3f)%n",
          CutFeatures.NAMES.get(j),
          weights[j],
          mean[j],
          scale[j]);
    }
    log.printf(Locale.ROOT, "  %-20s %+.3f%n", "bias", w[k]);
    model.write(out);
    log.println("model written to " + out);
    log.flush();
  }

  /** Newton's method on the L2-regularised log loss; returns weights then the bias. */
  private static double[] fit(List<double[]> xs, List<Integer> ys, double[] mean, double[] scale) {
    int k = mean.length + 1;
    double[] w = new double[k];
    for (int it = 0; it < ITERATIONS; it++) {
      double[] grad = new double[k];
      double[][] hess = new double[k][k];
      double[] z = new double[k];
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        for (int j = 0; j < k - 1; j++) {
          z[j] = (x[j] - mean[j]) / scale[j];
        }
        z[k - 1] = 1;
        double a = 0;
        for (int j = 0; j < k; j++) {
          a += w[j] * z[j];
        }
        double p = 1 / (1 + Math.exp(-a));
        double r = p - ys.get(i);
        double s = p * (1 - p);
        for (int j = 0; j < k; j++) {
          grad[j] += r * z[j];
          for (int m = 0; m < k; m++) {
            hess[j][m] += s * z[j] * z[m];
          }
        }
      }
      for (int j = 0; j < k - 1; j++) {
        grad[j] += L2 * xs.size() * 1e-3 * w[j];
        hess[j][j] += L2 * xs.size() * 1e-3;
      }
      double[] step = solve(hess, grad);
      for (int j = 0; j < k; j++) {
        w[j] -= step[j];
      }
    }
    return w;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
      m[i][i] += 1e-9;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int q = c; q <= n; q++) {
          m[r][q] -= f * m[c][q];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int q = r + 1; q < n; q++) {
        s -= m[r][q] * x[q];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
