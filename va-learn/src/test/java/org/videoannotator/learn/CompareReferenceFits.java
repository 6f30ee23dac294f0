package org.videoannotator.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Diagnostics, a main and not a test: refits every fit that {@code
 * experiments/src/test/python/dump_reference_fits.py} dumped from the reference's scikit-learn and
 * prints how far the chosen C, the fold scores and the coefficients are from scikit-learn's. Run
 * with the test class path: {@code CompareReferenceFits DIR [all]} ({@code all}: every fit, not
 * only those that differ).
 */
public final class CompareReferenceFits {
  private CompareReferenceFits() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean all = args.length > 1;
    ObjectMapper json = new ObjectMapper();
    double worst = 0;
    int differentC = 0;
    int fits = 0;
    for (int i = 0; Files.exists(dir.resolve(i + ".json")); i++) {
      JsonNode ref = json.readTree(dir.resolve(i + ".json").toFile());
      int rows = ref.get("rows").asInt();
      int dim = ref.get("dim").asInt();
      ByteBuffer xs =
          ByteBuffer.wrap(Files.readAllBytes(dir.resolve(i + ".x"))).order(ByteOrder.LITTLE_ENDIAN);
      byte[] ys = Files.readAllBytes(dir.resolve(i + ".y"));
      float[][] x = new float[rows][dim];
      boolean[] y = new boolean[rows];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < dim; j++) {
          x[r][j] = xs.getFloat();
        }
        y[r] = ys[r] != 0;
      }
      LinearModel m =
          new LogisticRegressionCv(LogisticRegressionCv.Options.defaults().withThreads(1))
              .fit(x, y);
      double diff = 0;
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        double c = ref.get("coef").get(j).asDouble();
        diff += (c - m.weights()[j]) * (c - m.weights()[j]);
        norm += c * c;
      }
      double relative = Math.sqrt(diff / norm);
      double foldGap = 0;
      JsonNode scores = ref.get("scores");
      for (int f = 0; f < scores.size(); f++) {
        for (int k = 0; k < scores.get(f).size(); k++) {
          foldGap =
              Math.max(foldGap, Math.abs(scores.get(f).get(k).asDouble() - m.foldScores()[f][k]));
        }
      }
      // numpy's logspace gives 1e-4 one ulp low: compare the chosen C's index, not its bits
      boolean sameC = Math.abs(m.c() / ref.get("C").asDouble() - 1) < 1e-12;
      differentC += sameC ? 0 : 1;
      fits++;
      worst = Math.max(worst, relative);
      if (all || !sameC || relative > 1e-6 || foldGap > 1e-9) {
        System.out.printf(
            "fit %d: %d rows, C %s (%g, reference %g), coefficients %.2e relative, fold AP gap %.2e%n",
            i,
            rows,
            sameC ? "same" : "DIFFERENT",
            m.c(),
            ref.get("C").asDouble(),
            relative,
            foldGap);
      }
    }
    System.out.printf(
        "%d fits, %d with another C, largest relative coefficient difference %.2e%n",
        fits, differentC, worst);
  }
}
