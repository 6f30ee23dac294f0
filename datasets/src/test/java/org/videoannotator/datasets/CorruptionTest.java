package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * One corrupted copy of the hand-made data set per case. Each must fail with a one-line {@link
 * UserException} that names the file, where in it (line, column, key or row) and the problem.
 */
class CorruptionTest {
  @TempDir Path dir;

  @BeforeEach
  void write() {
    HandMadeDataset.write(dir);
  }

  /** Opens the data set, reads every label file, and returns the one-line failure message. */
  private String failure() {
    UserException e =
        assertThrows(
            UserException.class,
            () -> {
              try (VaDataset ds = VaDataset.open(dir)) {
                DatasetStats.of(ds);
              }
            });
    String message = e.getMessage();
    assertFalse(message.contains("\n"), "not one line: " + message);
    return message;
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
  }

  /** A corruption made by editing one text file: replace {@code from} by {@code to}. */
  record TextEdit(String name, String file, String from, String to, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static TextEdit edit(
      String name, String file, String from, String to, String... expected) {
    return new TextEdit(name, file, from, to, List.of(expected));
  }

  static Stream<TextEdit> textEdits() {
    return Stream.of(
        edit(
            "textEmbeddingDimDiffersFromShotEmbeddings",
            "text-embeddings.json",
            "[0, 0, 0, 1]",
            "[0, 0, 1]",
            "text-embeddings.json",
            "'slow-motion'",
            "3 values",
            "dim 4"),
        edit(
            "nanInTextEmbeddings",
            "text-embeddings.json",
            "[0, 0.5, 0.5, 0]",
            "[0, NaN, 0.5, 0]",
            "text-embeddings.json",
            "'over-the-shoulder-shot'",
            "value 1",
            "finite"),
        edit(
            "duplicateKeyInCsv",
            "shot-data.csv",
            "x|1,25.0",
            "x|5,25.0",
            "shot-data.csv:8",
            "duplicate key 'x|5'",
            "line 2"),
        edit(
            "missingKeyColumn",
            "shot-data.csv",
            "notes,key,fps",
            "notes,shot_key,fps",
            "shot-data.csv:1",
            "no 'key' column"),
        edit(
            "unparsableNumberNamesLineAndColumn",
            "shot-data.csv",
            "日本,120,99",
            "日本,120,ninety-nine",
            "shot-data.csv:7:7",
            "'frame_in'",
            "'ninety-nine'",
            "not an integer"),
        edit(
            "rowWithTooFewFields",
            "shot-data.csv",
            "1,,x|1,25.0,x,4,1,plain,0.04,0.2,comedy,5",
            "1,,x|1,25.0,x,4,1,plain,0.04,0.2,comedy",
            "shot-data.csv:8",
            "11 fields",
            "header has 12"),
        edit(
            "unterminatedQuote",
            "shot-data.csv",
            ",8,d,0.33",
            ",8,\"d,0.33",
            "shot-data.csv:9",
            "never closed"),
        edit(
            "textAfterAClosingQuote",
            "shot-data.csv",
            "\"q\"\"uote|8\",23.976",
            "\"q\"\"uote|8,23.976",
            "shot-data.csv:9",
            "after a closing quote"),
        edit(
            "keyInBothPosAndNegOfACheckpoint",
            "checkpoints/car-chase.json",
            "\"neg\": [\"x|5\", \"k,with,comma|3\"]",
            "\"neg\": [\"x|5\", \"Ωmega|0\"]",
            "car-chase.json",
            "checkpoint 1",
            "'Ωmega|0'",
            "both"),
        edit(
            "keyInBothPosAndNegOfAValidationSet",
            "ave/validation/slow-motion.json",
            "\"neg\": [\"q\\\"uote|8\"]",
            "\"neg\": [\"x|1\"]",
            "slow-motion.json",
            "'x|1'",
            "both"),
        edit(
            "unknownKeyInAgg",
            "agg/over-the-shoulder-shot.json",
            "\"key\": \"x|1\"",
            "\"key\": \"x|2\"",
            "over-the-shoulder-shot.json",
            "unknown key 'x|2'",
            "not in shot-data.csv"),
        edit(
            "unknownKeyInCmp",
            "cmp/car-chase.json",
            "\"日本|99\"",
            "\"日本|98\"",
            "cmp/car-chase.json",
            "'zero_shot'",
            "unknown key '日本|98'"),
        edit(
            "unknownKeyInCheckpoint",
            "checkpoints/car-chase.json",
            "[\"a b|17\"]",
            "[\"a  b|17\"]",
            "checkpoints/car-chase.json",
            "checkpoint 0",
            "unknown key 'a  b|17'"),
        edit(
            "duplicateKeyInAgg",
            "agg/car-chase.json",
            "\"key\": \"x|5\"",
            "\"key\": \"a b|17\"",
            "agg/car-chase.json",
            "duplicate key 'a b|17'",
            "entries 0 and 1"),
        edit(
            "malformedJsonNamesLineAndColumn",
            "cmp/car-chase.json",
            "\"value\": true}, {\"key\": \"x|5\"",
            "\"value\": true} {\"key\": \"x|5\"",
            "cmp/car-chase.json:2:48",
            "malformed JSON"),
        edit(
            "aggEntryWithoutAgg",
            "agg/over-the-shoulder-shot.json",
            "\"agg\": false, \"pos_cnt\": 0",
            "\"pos_cnt\": 0",
            "over-the-shoulder-shot.json",
            "key 'x|1'",
            "no 'agg' field"),
        edit(
            "aggValueThatIsNotAnAnswer",
            "agg/over-the-shoulder-shot.json",
            "\"agg\": false, \"pos_cnt\": 0",
            "\"agg\": \"maybe\", \"pos_cnt\": 0",
            "over-the-shoulder-shot.json",
            "key 'x|1'",
            "'agg' is \"maybe\""),
        edit(
            "negativePosCnt",
            "agg/car-chase.json",
            "\"pos_cnt\": 0",
            "\"pos_cnt\": -1",
            "agg/car-chase.json",
            "key 'x|5'",
            "'pos_cnt' is -1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textEdits")
  void editedTextFileFailsWithOneLineNamingIt(TextEdit edit) throws IOException {
    Path path = dir.resolve(edit.file());
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertTrue(text.contains(edit.from()), edit.file() + " lacks " + edit.from());
    Files.writeString(path, text.replace(edit.from(), edit.to()), StandardCharsets.UTF_8);
    assertMentions(failure(), edit.expected().toArray(String[]::new));
  }

  @Test
  void missingShotData() throws IOException {
    Files.delete(dir.resolve("shot-data.csv"));
    assertMentions(failure(), "shot-data.csv", "not found");
  }

  @Test
  void missingEmbeddings() throws IOException {
    Files.delete(dir.resolve("embeddings.h5"));
    assertMentions(failure(), "embeddings.h5", "not found");
  }

  @Test
  void missingTextEmbeddings() throws IOException {
    Files.delete(dir.resolve("text-embeddings.json"));
    assertMentions(failure(), "text-embeddings.json", "not found");
  }

  @Test
  void notAFolder() {
    UserException e = assertThrows(UserException.class, () -> VaDataset.open(dir.resolve("nope")));
    assertMentions(e.getMessage(), "nope", "not a folder");
  }

  @Test
  void wrongDatasetName() {
    try (WritableHdfFile hdf = HdfFile.write(dir.resolve("embeddings.h5"))) {
      hdf.putDataset("vectors", new float[7][4]);
    }
    assertMentions(failure(), "embeddings.h5", "no dataset named 'embeddings'", "[vectors]");
  }

  @Test
  void oneDimensionalDataset() {
    try (WritableHdfFile hdf = HdfFile.write(dir.resolve("embeddings.h5"))) {
      hdf.putDataset("embeddings", new float[28]);
    }
    assertMentions(failure(), "embeddings.h5", "shape [28]", "2-D");
  }

  @Test
  void threeDimensionalDataset() {
    try (WritableHdfFile hdf = HdfFile.write(dir.resolve("embeddings.h5"))) {
      hdf.putDataset("embeddings", new float[7][2][2]);
    }
    assertMentions(failure(), "embeddings.h5", "shape [7, 2, 2]", "2-D");
  }

  @Test
  void float64Dataset() {
    try (WritableHdfFile hdf = HdfFile.write(dir.resolve("embeddings.h5"))) {
      hdf.putDataset("embeddings", new double[7][4]);
    }
    assertMentions(failure(), "embeddings.h5", "8 bytes", "float32");
  }

  @Test
  void notAnHdf5File() throws IOException {
    Files.writeString(dir.resolve("embeddings.h5"), "just text");
    assertMentions(failure(), "embeddings.h5", "not a readable HDF5 file");
  }

  @Test
  void rowCountDiffersFromCsv() {
    new VaDatasetWriter(dir).writeEmbeddings(FloatMatrix.ofHeap(new float[6 * 4], 6, 4));
    assertMentions(failure(), "embeddings.h5", "6 rows", "7 shots");
  }

  @Test
  void nanInEmbeddingsNamesTheFirstBadRowsKey() {
    float[] values = new float[7 * 4];
    values[3 * 4 + 2] = Float.NaN;
    values[5 * 4] = Float.POSITIVE_INFINITY;
    new VaDatasetWriter(dir).writeEmbeddings(FloatMatrix.ofHeap(values, 7, 4));
    assertMentions(failure(), "embeddings.h5", "row 3", "'k,with,comma|3'", "NaN");
  }

  @Test
  void missingAggFileIsNamedOnRequest() {
    try (VaDataset ds = VaDataset.open(dir)) {
      UserException e = assertThrows(UserException.class, () -> ds.agg("slow-motion"));
      assertMentions(e.getMessage(), "agg/slow-motion.json", "not found", "car-chase");
    }
  }
}
