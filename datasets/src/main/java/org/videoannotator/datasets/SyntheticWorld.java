package org.videoannotator.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hidden model behind a synthetic data set. Shots come in titles (a YouTube id each, 10 to 90
 * consecutive shots, one genre and fps) and fall in {@value #CLUSTERS} visual clusters that each
 * title favours two of. For every label a latent score mixes a cluster effect, a title effect and a
 * shot effect; the label is true where that score exceeds the quantile giving the label's positive
 * rate. A shot's embedding is the unit-normalised sum of its cluster centre, its title offset, each
 * label's direction scaled by the latent score, heavy-tailed "nuisance" content and isotropic
 * noise, so a linear model can learn each label, imperfectly. Annotators see the latent score plus
 * their own noise, so they disagree near the threshold. Every quantity comes from its own seeded
 * stream ({@link Seeds}).
 */
final class SyntheticWorld {
  static final int CLUSTERS = 10;
  static final int ANNOTATORS = 3;
  private static final String[] GENRES = {
    "drama",
    "comedy",
    "action",
    "horror",
    "documentary",
    "sci-fi",
    "romance",
    "animation",
    "thriller",
    "family"
  };
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final double CLUSTER_WEIGHT = 1.0;
  private static final double TITLE_WEIGHT = 0.5;

  /**
   * Noise std per coordinate: fixed, so the signal-to-noise ratio along any direction is the same
   * at 64 and 512 dims.
   */
  private static final double NOISE_PER_DIM = 0.1;

  /**
   * Other visual content ("false friends" of the label words): {@value #NUISANCES} directions with
   * heavy-tailed (Student t, 3 df) per-shot strengths. A label name's text embedding leans partly
   * on one of them, so the very top of a zero-shot ranking holds shots that match the word's other
   * sense; this keeps the zero-shot top-1,000 realistic at 500,000 shots as well as at 20,000.
   */
  private static final int NUISANCES = 16;

  private static final double NUISANCE_WEIGHT = 0.2;
  private static final double LATENT_PART = 0.6;

  // Stream ids for Seeds.rng: one per kind of random quantity.
  private static final long S_TITLE = 1,
      S_LATENT = 2,
      S_EMBED = 3,
      S_LABEL = 4,
      S_ANNOTATE = 5,
      S_CENTRE = 6,
      S_DESC = 7,
      S_RATES = 8,
      S_NUISANCE = 9;

  /** One shot's three annotator answers on one label. */
  record Annotation(boolean[] answers, int posCnt) {
    boolean majority() {
      return posCnt * 2 > answers.length;
    }

    boolean primary() {
      return answers[0];
    }
  }

  private final long seed;
  private final int shots;
  private final int dim;
  private final List<LabelSpec> specs;
  private final int[] titleOf;
  private final int[] clusterOf;
  private final List<Shot> shotRows;
  private final float[][] centres;
  private final float[][] nuisances;
  private final List<float[]> titleOffsets = new ArrayList<>();
  private final float[][] labelDirections;
  private final float[][] textVectors;
  private final float[][] queryVectors;

  /** latent[j][i]: label j's latent score of shot i. */
  private final float[][] latent;

  private final double[] thresholds;
  private final double labelWeight;

  SyntheticWorld(long seed, int shots, int dim, List<String> labels) {
    this.seed = seed;
    this.shots = shots;
    this.dim = dim;
    this.specs = planLabels(seed, shots, labels);
    int k = labels.size();
    this.labelWeight = 0.35 * Math.min(1.0, Math.sqrt(8.0 / k));
    this.titleOf = new int[shots];
    this.clusterOf = new int[shots];
    this.centres = new float[CLUSTERS][];
    for (int c = 0; c < CLUSTERS; c++) {
      centres[c] = Seeds.unitVector(Seeds.rng(seed, S_CENTRE, c), dim);
    }
    this.nuisances = new float[NUISANCES][];
    for (int m = 0; m < NUISANCES; m++) {
      nuisances[m] = Seeds.unitVector(Seeds.rng(seed, S_NUISANCE, m), dim);
    }
    List<double[]> titleEffects = new ArrayList<>();
    this.shotRows = layOutTitles(titleEffects, k);
    this.labelDirections = new float[k][];
    this.textVectors = new float[k][];
    this.queryVectors = new float[k][];
    for (int j = 0; j < k; j++) {
      SplittableRandom rng = Seeds.rng(seed, S_LABEL, j);
      labelDirections[j] = Seeds.unitVector(rng, dim);
      textVectors[j] =
          blend(
              labelDirections[j],
              specs.get(j).textAlignment(),
              nuisances[rng.nextInt(NUISANCES)].clone());
      queryVectors[j] =
          blend(labelDirections[j], specs.get(j).queryAlignment(), Seeds.unitVector(rng, dim));
    }
    this.latent = computeLatent(titleEffects, k);
    this.thresholds = new double[k];
    for (int j = 0; j < k; j++) {
      float[] sorted = latent[j].clone();
      Arrays.sort(sorted);
      int cut = (int) Math.round((1 - specs.get(j).positiveRate()) * shots);
      thresholds[j] = sorted[Math.min(shots - 1, Math.max(0, cut))];
    }
  }

  /**
   * Positive rates from 1% to 40% on a log scale (shuffled over labels), alignments by label group,
   * annotator noise and session size drawn per label.
   */
  private static List<LabelSpec> planLabels(long seed, int shots, List<String> labels) {
    int k = labels.size();
    SplittableRandom rng = Seeds.rng(seed, S_RATES);
    double[] rates = new double[k];
    for (int j = 0; j < k; j++) {
      // t^1.5 skews rates low: most labels are rare, as in the release (median random rate 2.6%).
      double t = Math.pow(k == 1 ? 0.5 : (double) j / (k - 1), 1.5);
      rates[j] = Math.exp(Math.log(0.01) + t * (Math.log(0.40) - Math.log(0.01)));
    }
    for (int j = k - 1; j > 0; j--) {
      int other = rng.nextInt(j + 1);
      double tmp = rates[j];
      rates[j] = rates[other];
      rates[other] = tmp;
    }
    List<LabelSpec> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      String name = labels.get(j);
      Ontology.ZeroShot kind = Ontology.zeroShot(name, j);
      double text =
          switch (kind) {
            case STRONG -> rng.nextDouble(0.7, 0.92);
            case MEDIUM -> rng.nextDouble(0.3, 0.5);
            case USELESS -> rng.nextDouble(0.0, 0.08);
          };
      double query = Math.max(text, rng.nextDouble(0.5, 0.7));
      double noise = rng.nextDouble(0.1, 0.6);
      int agg = Math.min(rng.nextInt(300, 1501), Math.max(25, shots / 4));
      out.add(
          new LabelSpec(
              name, rates[j], kind.name().toLowerCase(Locale.ROOT), text, query, noise, agg));
    }
    return List.copyOf(out);
  }

  /** {@code alignment * direction + sqrt(1 - alignment^2) * (other, made orthogonal to it)}. */
  private float[] blend(float[] direction, double alignment, float[] other) {
    double along = Seeds.dot(other, direction);
    for (int d = 0; d < dim; d++) {
      other[d] -= (float) (along * direction[d]);
    }
    Seeds.normalize(other);
    double rest = Math.sqrt(1 - alignment * alignment);
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) (alignment * direction[d] + rest * other[d]);
    }
    return Seeds.normalize(v);
  }

  private List<Shot> layOutTitles(List<double[]> titleEffects, int k) {
    List<Shot> rows = new ArrayList<>(shots);
    for (int t = 0, row = 0; row < shots; t++) {
      SplittableRandom rng = Seeds.rng(seed, S_TITLE, t);
      StringBuilder id = new StringBuilder();
      for (int c = 0; c < 11; c++) {
        id.append(ID_ALPHABET.charAt(rng.nextInt(ID_ALPHABET.length())));
      }
      String genre = GENRES[rng.nextInt(GENRES.length)];
      double roll = rng.nextDouble();
      double fps = roll < 0.8 ? 23.976 : roll < 0.9 ? 25.0 : 29.97;
      int[] favourite = {rng.nextInt(CLUSTERS), rng.nextInt(CLUSTERS)};
      titleOffsets.add(Seeds.unitVector(rng, dim));
      double[] effects = new double[k];
      for (int j = 0; j < k; j++) {
        effects[j] = rng.nextGaussian();
      }
      titleEffects.add(effects);
      int length = Math.min(rng.nextInt(10, 91), shots - row);
      long frame = rng.nextInt(0, 240);
      for (int s = 0; s < length; s++, row++) {
        titleOf[row] = t;
        clusterOf[row] = rng.nextDouble() < 0.7 ? favourite[rng.nextInt(2)] : rng.nextInt(CLUSTERS);
        long frames = rng.nextInt(12, 301);
        rows.add(
            new Shot(
                id + "|" + frame,
                id.toString(),
                null,
                genre,
                frame,
                frame + frames - 1,
                round3(frame / fps),
                round3((frame + frames) / fps),
                fps,
                clusterOf[row],
                Map.of()));
        frame += frames;
      }
    }
    return rows;
  }

  private float[][] computeLatent(List<double[]> titleEffects, int k) {
    double[][] clusterEffects = new double[k][CLUSTERS];
    for (int j = 0; j < k; j++) {
      SplittableRandom rng = Seeds.rng(seed, S_LATENT, -1, j);
      for (int c = 0; c < CLUSTERS; c++) {
        clusterEffects[j][c] = rng.nextGaussian();
      }
    }
    float[][] out = new float[k][shots];
    for (int i = 0; i < shots; i++) {
      SplittableRandom rng = Seeds.rng(seed, S_LATENT, i);
      double[] title = titleEffects.get(titleOf[i]);
      for (int j = 0; j < k; j++) {
        out[j][i] =
            (float)
                (LATENT_PART * (clusterEffects[j][clusterOf[i]] + title[j] + rng.nextGaussian()));
      }
    }
    return out;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Fills {@code dst} with shot {@code row}'s unit-norm embedding. */
  void embedding(int row, float[] dst) {
    SplittableRandom rng = Seeds.rng(seed, S_EMBED, row);
    float[] centre = centres[clusterOf[row]];
    float[] title = titleOffsets.get(titleOf[row]);
    for (int d = 0; d < dim; d++) {
      dst[d] =
          (float)
              (CLUSTER_WEIGHT * centre[d]
                  + TITLE_WEIGHT * title[d]
                  + NOISE_PER_DIM * rng.nextGaussian());
    }
    for (float[] nuisance : nuisances) {
      addScaled(dst, nuisance, NUISANCE_WEIGHT * studentT3(rng));
    }
    for (int j = 0; j < specs.size(); j++) {
      addScaled(dst, labelDirections[j], labelWeight * latent[j][row]);
    }
    Seeds.normalize(dst);
  }

  private static void addScaled(float[] dst, float[] direction, double weight) {
    for (int d = 0; d < dst.length; d++) {
      dst[d] += (float) (weight * direction[d]);
    }
  }

  /** A Student t variate with 3 degrees of freedom: normal / sqrt(chi-square(3) / 3). */
  private static double studentT3(SplittableRandom rng) {
    double chi2 = 0;
    for (int k = 0; k < 3; k++) {
      double g = rng.nextGaussian();
      chi2 += g * g;
    }
    return rng.nextGaussian() / Math.sqrt(chi2 / 3);
  }

  /** The three annotators' answers for label {@code label} on shot {@code row}. */
  Annotation annotate(int label, int row) {
    SplittableRandom rng = Seeds.rng(seed, S_ANNOTATE, label, row);
    boolean[] answers = new boolean[ANNOTATORS];
    int yes = 0;
    for (int a = 0; a < ANNOTATORS; a++) {
      answers[a] =
          latent[label][row] + specs.get(label).annotatorNoise() * rng.nextGaussian()
              > thresholds[label];
      yes += answers[a] ? 1 : 0;
    }
    return new Annotation(answers, yes);
  }

  /** Whether shot {@code row} truly has label {@code label} (no annotator noise). */
  boolean truth(int label, int row) {
    return latent[label][row] > thresholds[label];
  }

  /**
   * The shots with a description listing keywords of some of the labels each truly has, as a
   * catalogue's synopsis would, so full-text search has something to find.
   */
  List<Shot> shots() {
    List<Shot> out = new ArrayList<>(shots);
    for (int i = 0; i < shots; i++) {
      SplittableRandom rng = Seeds.rng(seed, S_DESC, i);
      Shot s = shotRows.get(i);
      List<String> words = new ArrayList<>();
      for (int j = 0; j < specs.size(); j++) {
        if (truth(j, i) && rng.nextDouble() < 0.6) {
          List<String> keywords = Ontology.label(specs.get(j).name()).keywords();
          if (!keywords.isEmpty()) {
            words.add(keywords.get(rng.nextInt(keywords.size())));
          }
        }
      }
      String desc = s.genre() + " scene" + (words.isEmpty() ? "" : ": " + String.join(", ", words));
      out.add(
          new Shot(
              s.key(),
              s.ytId(),
              desc,
              s.genre(),
              s.frameIn(),
              s.frameOut(),
              s.start(),
              s.end(),
              s.fps(),
              s.clusterIndex(),
              s.extra()));
    }
    return out;
  }

  String key(int row) {
    return shotRows.get(row).key();
  }

  int shotCount() {
    return shots;
  }

  int dim() {
    return dim;
  }

  List<LabelSpec> specs() {
    return specs;
  }

  float[] textVector(int label) {
    return textVectors[label].clone();
  }

  float[] queryVector(int label) {
    return queryVectors[label].clone();
  }

  /** Text embeddings keyed by label name, in label order. */
  Map<String, float[]> textEmbeddings() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int j = 0; j < specs.size(); j++) {
      out.put(specs.get(j).name(), textVector(j));
    }
    return out;
  }
}
