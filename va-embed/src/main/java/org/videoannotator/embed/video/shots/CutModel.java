package org.videoannotator.embed.video.shots;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.Json;

/**
 * Logistic regression over {@link CutFeatures}: {@code p = 1 / (1 + exp(-(b + sum w_k (x_k -
 * mean_k) / scale_k)))}; a candidate is a cut when {@code p >= threshold}. The weights are a small
 * versioned resource ({@value #RESOURCE}) written by {@code va bench train-cuts} from rendered
 * footage (the tuning halves only); the file names its features, version and training set.
 */
record CutModel(
    int version,
    List<String> features,
    double[] mean,
    double[] scale,
    double[] weights,
    double bias,
    double threshold,
    String trainedOn) {
  static final String RESOURCE = "cut-classifier.json";

  CutModel {
    if (!features.equals(CutFeatures.NAMES)) {
      throw new IllegalArgumentException(
          "cut model features "
              + features
              + " differ from "
              + CutFeatures.NAMES
              + ": retrain with va bench train-cuts");
    }
  }

  /** The model in the jar, or null before the first training (the hand-made rule then decides). */
  static CutModel bundled() {
    return Bundled.MODEL;
  }

  private static final class Bundled {
    static final CutModel MODEL = load();
  }

  double probability(double[] x) {
    double z = bias;
    for (int k = 0; k < x.length; k++) {
      z += weights[k] * (x[k] - mean[k]) / scale[k];
    }
    return 1 / (1 + Math.exp(-z));
  }

  private static CutModel load() {
    try (InputStream in = CutModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      return parse(Json.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static CutModel parse(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.get("features").forEach(x -> names.add(x.asText()));
    return new CutModel(
        n.get("version").asInt(),
        names,
        doubles(n.get("mean")),
        doubles(n.get("scale")),
        doubles(n.get("weights")),
        n.get("bias").asDouble(),
        n.get("threshold").asDouble(),
        n.get("trainedOn").asText());
  }

  private static double[] doubles(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  void write(Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("features", features);
    m.put("mean", mean);
    m.put("scale", scale);
    m.put("weights", weights);
    m.put("bias", bias);
    m.put("threshold", threshold);
    m.put("trainedOn", trainedOn);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
