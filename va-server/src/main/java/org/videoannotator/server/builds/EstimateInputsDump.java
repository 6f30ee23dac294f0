package org.videoannotator.server.builds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.videoannotator.core.Json;
import org.videoannotator.learn.estimate.CorpusEstimates;
import org.videoannotator.learn.estimate.ErrorPrior;

/**
 * A debugging aid for the estimates: when the system property {@value #PROPERTY} names a folder,
 * every build writes there the exact inputs it gave {@code CorpusEstimates.of} (the error prior it
 * used, null for none), one JSON file per build ({@code <label>-<labelled clips>.json}), so that
 * estimator variants can be replayed on them offline (va-bench's {@code va bench estimates}). Off
 * (and free) unless the property is set; the loop benchmark sets it with {@code --dump-estimates}.
 */
public final class EstimateInputsDump {
  /** The system property naming the folder to write to (va-bench's loop benchmark sets it). */
  public static final String PROPERTY = "va.estimates.dump";

  private EstimateInputsDump() {}

  static void writeIfAsked(
      String label,
      float[] logits,
      CorpusEstimates.LabelledClips labelled,
      double slope,
      double intercept,
      ErrorPrior prior,
      long seed) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      return;
    }
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("label", label).put("seed", seed).put("slope", slope).put("intercept", intercept);
    o.set("rows", Json.mapper().valueToTree(labelled.rows()));
    o.set("yes", Json.mapper().valueToTree(labelled.yes()));
    o.set("outOfFold", Json.mapper().valueToTree(labelled.outOfFold()));
    o.set("fromRandomFeed", Json.mapper().valueToTree(labelled.fromRandomFeed()));
    o.set("errorPrior", Json.mapper().valueToTree(prior));
    ByteBuffer bytes = ByteBuffer.allocate(4 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(logits);
    o.put("logitsFloat32LittleEndian", Base64.getEncoder().encodeToString(bytes.array()));
    try {
      Path folder = Path.of(dir);
      Files.createDirectories(folder);
      Json.mapper()
          .writeValue(folder.resolve(label + "-" + labelled.rows().length + ".json").toFile(), o);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the estimates' inputs to " + dir, e);
    }
  }
}
