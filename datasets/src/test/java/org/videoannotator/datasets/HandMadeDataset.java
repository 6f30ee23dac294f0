package org.videoannotator.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * A tiny data set written by hand, file by file (not by {@link VaDatasetWriter} except the HDF5
 * file), the way a stranger's export might look: columns reordered, extra columns (one of them
 * pandas' unnamed index), rows not in title order, quoted fields holding commas, quotes and line
 * breaks, keys with spaces, commas and non-ASCII characters, hyphenated label names, a label that
 * only has an ave validation file. The expected figures are counted by hand in the comments.
 */
final class HandMadeDataset {
  /** Keys in CSV row order. */
  static final String[] KEYS = {
    "x|5", "a b|17", "Ωmega|0", "k,with,comma|3", "日本|99", "x|1", "q\"uote|8"
  };

  static final String SHOT_DATA =
      """
      cluster_index,notes,key,fps,yt_id,frame_out,frame_in,desc,start,end,genre,
      1,,x|5,25.0,x,9,5,plain,0.2,0.4,comedy,0
      3,"has, comma",a b|17,23.976,a b,40,17,"line one
      line two",0.709,1.71,drama,1
      0,ok,Ωmega|0,23.976,Ωmega,11,0,"say ""hi""\",0.0,0.5,horror,2
      9,,"k,with,comma|3",29.97,"k,with,comma",30,3.0,,0.1,1.0,,3
      2,x,日本|99,23.976,日本,120,99,アニメ,4.129,5.005,animation,4
      1,,x|1,25.0,x,4,1,plain,0.04,0.2,comedy,5
      5,,"q""uote|8",23.976,"q""uote",20,8,d,0.33,0.87,drama,6
      """;

  // car-chase, in the release's shape (annotator names on top, secondaries as an object):
  // 5 agg shots, pos_cnt 3,0,2,1,3 -> 3 positives (rate 0.6), agreement 3/5 = 0.6.
  static final String AGG_CAR_CHASE =
      """
      {"primary": "B", "secondaries": ["A", "C"], "data": [
        {"key": "a b|17", "primary": true, "secondaries": {"A": true, "C": true}, "agg": true,
         "pos_cnt": 3},
        {"key": "x|5", "primary": false, "secondaries": {"A": false, "C": false}, "agg": false,
         "pos_cnt": 0},
        {"key": "Ωmega|0", "primary": true, "secondaries": {"A": false, "C": true}, "agg": true,
         "pos_cnt": 2},
        {"key": "k,with,comma|3", "primary": false, "secondaries": {"A": true, "C": false},
         "agg": false, "pos_cnt": 1},
        {"key": "日本|99", "primary": true, "secondaries": {"A": true, "C": true}, "agg": true,
         "pos_cnt": 3}
      ]}""";

  // over-the-shoulder-shot, secondaries as a list (also accepted):
  // 4 agg shots, pos_cnt 0,0,1,2 -> 1 positive (0.25), agreement 2/4.
  static final String AGG_OTS =
      """
      {"data": [
        {"key": "x|1", "primary": false, "secondaries": [false, false], "agg": false, "pos_cnt": 0},
        {"key": "x|5", "primary": false, "secondaries": [false, false], "agg": false, "pos_cnt": 0},
        {"key": "q\\"uote|8", "primary": true, "secondaries": [false, false], "agg": false, "pos_cnt": 1},
        {"key": "a b|17", "primary": true, "secondaries": [true, false], "agg": true, "pos_cnt": 2}
      ]}""";

  // random: 1 of 4 positive (0.25); zero_shot: 2 of 2 positive (1.0).
  static final String CMP_CAR_CHASE =
      """
      {"random": [{"key": "x|1", "value": false}, {"key": "q\\"uote|8", "value": false},
                  {"key": "Ωmega|0", "value": true}, {"key": "x|5", "value": false}],
       "zero_shot": [{"key": "a b|17", "value": true}, {"key": "日本|99", "value": true}]}""";

  static final String CHECKPOINTS_CAR_CHASE =
      """
      [{"pos": ["a b|17"], "neg": ["x|5"]},
       {"pos": ["a b|17", "Ωmega|0"], "neg": ["x|5", "k,with,comma|3"]}]""";

  static final String AVE_SLOW_MOTION =
      """
      {"pos": ["x|1"], "neg": ["q\\"uote|8"]}""";

  static final String TEXT_EMBEDDINGS =
      """
      {"car-chase": [1, 0, 0, 0], "over-the-shoulder-shot": [0, 0.5, 0.5, 0],
       "slow-motion": [0, 0, 0, 1]}""";

  private HandMadeDataset() {}

  /** Row {@code r} of the embeddings: distinct, finite values (r, -r, r/10, 1). */
  static float[] embedding(int r) {
    return new float[] {r, -r, r / 10f, 1f};
  }

  static void write(Path dir) {
    try {
      Files.createDirectories(dir.resolve("agg"));
      Files.createDirectories(dir.resolve("cmp"));
      Files.createDirectories(dir.resolve("checkpoints"));
      Files.createDirectories(dir.resolve("ave/validation"));
      write(dir.resolve("shot-data.csv"), SHOT_DATA.replace("\n", "\r\n"));
      write(dir.resolve("agg/car-chase.json"), AGG_CAR_CHASE);
      write(dir.resolve("agg/over-the-shoulder-shot.json"), AGG_OTS);
      write(dir.resolve("cmp/car-chase.json"), CMP_CAR_CHASE);
      write(dir.resolve("checkpoints/car-chase.json"), CHECKPOINTS_CAR_CHASE);
      write(dir.resolve("ave/validation/slow-motion.json"), AVE_SLOW_MOTION);
      write(dir.resolve("text-embeddings.json"), TEXT_EMBEDDINGS);
      float[][] rows = new float[KEYS.length][];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = embedding(r);
      }
      new VaDatasetWriter(dir).writeEmbeddings(FloatMatrix.ofRows(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
