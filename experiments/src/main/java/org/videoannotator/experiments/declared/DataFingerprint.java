package org.videoannotator.experiments.declared;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.datasets.Checkpoint;
import org.videoannotator.datasets.KeyValue;
import org.videoannotator.experiments.protocol.LabelData;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.learn.LabelledSet;

/**
 * SHA-256 of what the protocol reads from a data set, in a canonical text form, so that file layout
 * changes that keep the content (extra fields, formatting) keep the fingerprint, while any change
 * of keys, embeddings, text embeddings, answers, lists or checkpoints changes it. A declaration
 * records the fingerprint of the data its figures were computed on, so a generator change is
 * reported as such. {@code make_declaration.py} computes the same digest. Lines:
 *
 * <pre>
 * shots N DIM / key K (row order) / embeddings SHA256(float32 little-endian, row order)
 * per label (sorted, agg labels only): text HEX(double bits),... / agg K 0|1 (keys sorted) /
 * random K 0|1, zero_shot K 0|1 (list order) / checkpoint I pos K, checkpoint I neg K (sorted)
 * </pre>
 */
public final class DataFingerprint {
  private DataFingerprint() {}

  public static String of(ReplayData data) {
    MessageDigest digest = sha256();
    FloatMatrix matrix = data.embeddings().matrix();
    KeyIndex keys = data.embeddings().keys();
    line(digest, "shots " + matrix.rows() + " " + matrix.dim());
    for (String key : keys.keys()) {
      line(digest, "key " + key);
    }
    line(digest, "embeddings " + embeddings(matrix));
    for (String label : data.labels()) {
      line(digest, "label " + label);
      data.textEmbedding(label)
          .ifPresent(
              t -> {
                StringBuilder sb = new StringBuilder("text ");
                for (int i = 0; i < t.length; i++) {
                  sb.append(i == 0 ? "" : ",")
                      .append(String.format("%016x", Double.doubleToRawLongBits(t[i])));
                }
                line(digest, sb.toString());
              });
      LabelData d = data.label(label);
      for (String key :
          d.agg().orderedKeys().stream().sorted(LabelledSet::compareCodePoints).toList()) {
        line(digest, "agg " + key + " " + (d.agg().positives().contains(key) ? 1 : 0));
      }
      d.cmp()
          .ifPresent(
              c -> {
                list(digest, "random", c.random());
                list(digest, "zero_shot", c.zeroShot());
              });
      for (int i = 0; i < d.checkpoints().size(); i++) {
        Checkpoint c = d.checkpoints().get(i);
        for (String key : sorted(c.pos())) {
          line(digest, "checkpoint " + i + " pos " + key);
        }
        for (String key : sorted(c.neg())) {
          line(digest, "checkpoint " + i + " neg " + key);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<String> sorted(List<String> keys) {
    return keys.stream().sorted(LabelledSet::compareCodePoints).toList();
  }

  private static void list(MessageDigest digest, String name, List<KeyValue> list) {
    for (KeyValue kv : list) {
      line(digest, name + " " + kv.key() + " " + (kv.value() ? 1 : 0));
    }
  }

  private static String embeddings(FloatMatrix matrix) {
    MessageDigest digest = sha256();
    ByteBuffer row = ByteBuffer.allocate(matrix.dim() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[matrix.dim()];
    for (int r = 0; r < matrix.rows(); r++) {
      matrix.copyRow(r, values);
      row.clear();
      for (float v : values) {
        row.putFloat(v);
      }
      digest.update(row.array());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void line(MessageDigest digest, String text) {
    digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
