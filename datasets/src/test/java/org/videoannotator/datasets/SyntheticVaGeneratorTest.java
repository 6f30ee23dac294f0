package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;

/** Same seed, same bytes; another seed, other data; bad configurations rejected up front. */
class SyntheticVaGeneratorTest {
  @TempDir Path dir;

  private static final List<String> LABELS = List.of("car-chase", "static-shot", "my-own_label");

  private static SyntheticVaGenerator generator(long seed) {
    return new SyntheticVaGenerator(new SyntheticVaGenerator.Config(seed, 2000, 16, LABELS));
  }

  @Test
  void sameSeedGivesTheSameBytesInEveryFile() throws IOException {
    generator(7).generate(dir.resolve("a"));
    generator(7).generate(dir.resolve("b"));
    List<Path> files = relativeFiles(dir.resolve("a"));
    assertEquals(relativeFiles(dir.resolve("b")), files);
    assertEquals(15, files.size(), files.toString());
    for (Path file : files) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)),
          file.toString());
    }
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    generator(7).generate(dir.resolve("a"));
    generator(8).generate(dir.resolve("b"));
    for (String file : List.of("embeddings.h5", "shot-data.csv", "agg/car-chase.json")) {
      assertFalse(
          Arrays.equals(
              Files.readAllBytes(dir.resolve("a").resolve(file)),
              Files.readAllBytes(dir.resolve("b").resolve(file))),
          file);
    }
  }

  @Test
  void outputReadsBackWithEveryLabel() {
    generator(1).generate(dir);
    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(List.of("car-chase", "my-own_label", "static-shot"), ds.labels());
      assertEquals(2000, ds.shots().size());
      assertEquals(16, ds.embeddings().dim());
      assertEquals(
          200,
          ds.cmp("car-chase").orElseThrow().random().size(),
          "a tenth of the shots when fewer than 10,000");
      assertTrue(ds.queries().orElseThrow().has("car-chase"));
      assertEquals(3, ds.textEmbeddings().size());
    }
  }

  @Test
  void refusesANonEmptyOutputFolder() throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    UserException e = assertThrows(UserException.class, () -> generator(1).generate(dir));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
  }

  @Test
  void rejectsBadConfigurations() {
    assertThrows(UserException.class, () -> new SyntheticVaGenerator.Config(0, 10, 16, LABELS));
    assertThrows(UserException.class, () -> new SyntheticVaGenerator.Config(0, 1000, 1, LABELS));
    assertThrows(
        UserException.class, () -> new SyntheticVaGenerator.Config(0, 1000, 16, List.of("a", "a")));
    assertThrows(
        UserException.class,
        () -> new SyntheticVaGenerator.Config(0, 1000, 16, List.of("../escape")));
    assertThrows(UserException.class, () -> SyntheticVaGenerator.Config.defaultLabels(0));
    assertEquals(56, SyntheticVaGenerator.Config.defaultLabels(56).size());
    assertEquals(
        List.of("action", "establishing-shots", "alcohol", "zoom"),
        SyntheticVaGenerator.Config.defaultLabels(4),
        "one label from each group in turn");
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
