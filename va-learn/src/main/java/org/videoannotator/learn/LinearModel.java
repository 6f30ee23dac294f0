package org.videoannotator.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * A trained logistic-regression model as a value: {@code P(positive | x) = sigmoid(w.x + bias)}.
 *
 * @param weights one weight per embedding dimension
 * @param bias the (unpenalised) intercept
 * @param c the chosen inverse regularisation strength
 * @param cs the candidate C values, ascending
 * @param foldScores cross-validated average precision, {@code foldScores[fold][cIndex]}
 * @param cvMean mean fold AP at the chosen C (the model quality)
 * @param cvStd population standard deviation of the fold APs at the chosen C
 * @param positives training positives
 * @param negatives training negatives
 * @param fingerprint sha-256 hex of the training set (see {@link #fingerprint(LabelledSet)})
 * @param created ISO-8601 instant of training
 */
public record LinearModel(
    float[] weights,
    double bias,
    double c,
    double[] cs,
    double[][] foldScores,
    double cvMean,
    double cvStd,
    int positives,
    int negatives,
    String fingerprint,
    String created) {

  public LinearModel {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("a linear model needs weights");
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias is not finite: " + bias);
    }
    cs = cs == null ? new double[0] : cs;
    foldScores = foldScores == null ? new double[0][] : foldScores;
  }

  public int dim() {
    return weights.length;
  }

  /** The decision value {@code w.x + bias}. */
  public double logit(float[] x) {
    if (x.length != weights.length) {
      throw new IllegalArgumentException(
          "vector of dimension " + x.length + " for a model of dimension " + weights.length);
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (double) weights[i] * x[i];
    }
    return s + bias;
  }

  /** The predicted probability of the positive class. */
  public double probability(float[] x) {
    return LogisticLoss.sigmoid(logit(x));
  }

  /** The index of the chosen C in {@link #cs()}. */
  public int chosenIndex() {
    for (int i = 0; i < cs.length; i++) {
      if (cs[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Mean fold AP per candidate C (NaN where a fold had no positive). */
  public double[] meanScoresPerC() {
    double[] out = new double[cs.length];
    for (int k = 0; k < cs.length; k++) {
      double sum = 0;
      for (double[] fold : foldScores) {
        sum += fold[k];
      }
      out[k] = sum / foldScores.length;
    }
    return out;
  }

  /** Writes this model as JSON; floats and doubles round-trip exactly. */
  public void save(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UserException(file + ": cannot write model (" + e.getMessage() + ")", e);
    }
  }

  /** Reads a model written by {@link #save(Path)}. */
  public static LinearModel load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + ": no such model file; train and save a model first");
    }
    try {
      return Json.mapper().readValue(file.toFile(), LinearModel.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(file + ": not a va-learn model (" + e.getMessage() + ")", e);
    }
  }

  /** sha-256 hex of the label, then the sorted positive keys, then the sorted negative keys. */
  public static String fingerprint(LabelledSet set) {
    MessageDigest md = sha256();
    update(md, "label:" + set.label());
    for (String key : set.sortedPositives()) {
      update(md, "+" + key);
    }
    for (String key : set.sortedNegatives()) {
      update(md, "-" + key);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** sha-256 hex of training data given as rows and labels (when there are no keys). */
  public static String fingerprint(float[][] x, boolean[] y) {
    MessageDigest md = sha256();
    for (int i = 0; i < x.length; i++) {
      md.update((byte) (y[i] ? 1 : 0));
      for (float v : x[i]) {
        int bits = Float.floatToIntBits(v);
        md.update(
            new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearModel m
        && Arrays.equals(weights, m.weights)
        && Double.compare(bias, m.bias) == 0
        && Double.compare(c, m.c) == 0
        && Arrays.equals(cs, m.cs)
        && Arrays.deepEquals(foldScores, m.foldScores)
        && Double.compare(cvMean, m.cvMean) == 0
        && Double.compare(cvStd, m.cvStd) == 0
        && positives == m.positives
        && negatives == m.negatives
        && Objects.equals(fingerprint, m.fingerprint)
        && Objects.equals(created, m.created);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Objects.hash(bias, c, fingerprint, created);
  }

  @Override
  public String toString() {
    return "LinearModel[dim="
        + weights.length
        + ", C="
        + c
        + ", cvAP="
        + cvMean
        + "±"
        + cvStd
        + ", pos="
        + positives
        + ", neg="
        + negatives
        + ", fingerprint="
        + fingerprint
        + "]";
  }
}
