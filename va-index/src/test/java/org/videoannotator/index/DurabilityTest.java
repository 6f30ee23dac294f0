package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.core.vectors.VectorMath;

/** Crash safety and incrementality of appends, with crashes simulated on the files themselves. */
@Tag("slow") // kill -9 of child processes
class DurabilityTest {
  static final int DIM = 16;
  @TempDir Path tmp;
  final float[][] vectors = TestData.clustered(400, DIM, 5, 0.3, 11);

  private Path corpusWith(int rows) {
    Path dir = tmp.resolve("c");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, DIM))) {
      c.append(TestData.batch(vectors, 0, rows));
    }
    return dir;
  }

  private static void appendBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  private static void assertSearchable(Corpus c, int rows) {
    for (int row : new int[] {0, rows - 1}) {
      SearchResult r = c.search(SearchRequest.builder().like("k" + row).k(1).build());
      assertEquals("k" + row, r.hits().get(0).key());
    }
    int found =
        c.search(SearchRequest.builder().like("k0").k(SearchRequest.MAX_K).build()).hits().size();
    assertEquals(rows, found, "every committed row and nothing else is searchable");
  }

  @Test
  void halfWrittenBatchIsIgnoredThenCutOff() throws IOException {
    Path dir = corpusWith(100);
    // A crash in the middle of writing the next batch: partial vector, key and clip lines.
    appendBytes(dir.resolve("vectors/vectors.f32"), new byte[DIM * 4 * 3 + 7]);
    appendBytes(dir.resolve("vectors/keys.txt"), "k100\nk101\nk1".getBytes());
    appendBytes(dir.resolve("clips/clips.jsonl"), "{\"key\":\"k100\",\"vid".getBytes());
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(100, c.size());
      assertFalse(c.hasKey("k100"));
      assertSearchable(c, 100);
      c.append(TestData.batch(vectors, 100, 150));
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(150, c.size());
      assertEquals(150L * DIM * 4, Files.size(dir.resolve("vectors/vectors.f32")));
      assertArrayEquals(VectorMath.normalisedCopy(vectors[120], DIM, "x"), c.vector("k120"), 1e-7f);
      assertEquals(TestData.clip(120, "video1", "clip number 120"), c.clip("k120").orElseThrow());
      assertSearchable(c, 150);
    }
  }

  @Test
  void indexAheadOfManifestIsHiddenThenRepaired() throws IOException {
    Path dir = corpusWith(100);
    Path manifest = dir.resolve(CorpusLayout.MANIFEST);
    byte[] before = Files.readAllBytes(manifest);
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      c.append(TestData.batch(vectors, 100, 130));
    }
    // A crash after the Lucene commit but before the manifest landed.
    Files.write(manifest, before);
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(100, c.size());
      assertSearchable(c, 100);
      // The same clips can be appended again: the stale documents are removed, not duplicated.
      c.append(TestData.batch(vectors, 100, 130));
      assertSearchable(c, 130);
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertSearchable(c, 130);
    }
  }

  @Test
  void failedAppendLeavesThePreviousStateAndTheNextAppendSucceeds() throws IOException {
    Path dir = corpusWith(100);
    Path blocker = AtomicFiles.temporaryFor(dir.resolve(CorpusLayout.MANIFEST));
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      // The manifest cannot be replaced: the append fails after its Lucene commit.
      Files.createDirectory(blocker);
      Files.writeString(blocker.resolve("x"), "in the way");
      assertThrows(RuntimeException.class, () -> c.append(TestData.batch(vectors, 100, 140)));
      assertEquals(100, c.size());
      assertFalse(c.hasKey("k100"));
      assertSearchable(c, 100);
      Files.delete(blocker.resolve("x"));
      Files.delete(blocker);
      c.append(TestData.batch(vectors, 100, 140));
      assertSearchable(c, 140);
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertSearchable(c, 140);
      assertEquals(TestData.clip(139, "video6", "clip number 139"), c.clip("k139").orElseThrow());
    }
  }

  @Test
  void deletedIndexIsRebuiltFromTheDataFiles() throws IOException {
    Path dir = corpusWith(120);
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertSearchable(c, 120);
      assertEquals(
          List.of("k3"),
          SearchTest.keys(c.search(SearchRequest.builder().words("\"number 3\"").build())));
    }
  }

  @Test
  void truncatedCommittedDataIsReportedAsDamage() throws IOException {
    Path dir = corpusWith(50);
    try (FileChannel ch =
        FileChannel.open(dir.resolve("vectors/vectors.f32"), StandardOpenOption.WRITE)) {
      ch.truncate(49L * DIM * 4);
    }
    CorpusDamagedException e =
        assertThrows(
            CorpusDamagedException.class, () -> Corpus.open(dir, CorpusOptions.existing()));
    assertTrue(
        e.getMessage().contains("vectors.f32") && e.getMessage().contains("counts 50"),
        e.getMessage());
  }

  @Test
  void appendingLeavesExistingRowsAndSegmentsUntouched() throws Exception {
    Path dir = corpusWith(200);
    Map<String, String> segmentsBefore = digests(dir.resolve("index"));
    String prefixBefore = digest(Files.readAllBytes(dir.resolve("vectors/vectors.f32")));
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      c.append(TestData.batch(vectors, 200, 210));
      assertEquals(210, c.size());
    }
    byte[] after = Files.readAllBytes(dir.resolve("vectors/vectors.f32"));
    assertEquals(prefixBefore, digest(java.util.Arrays.copyOf(after, 200 * DIM * 4)));
    Map<String, String> segmentsAfter = digests(dir.resolve("index"));
    // Lucene files are write-once: every data file of the old segment is still there, byte for
    // byte.
    segmentsBefore.forEach(
        (name, sum) -> {
          if (!name.startsWith("segments_") && !name.equals("write.lock")) {
            assertEquals(sum, segmentsAfter.get(name), name);
          }
        });
    assertTrue(
        segmentsAfter.size() > segmentsBefore.size(), "the 10 new rows went to a new segment");
  }

  @Test
  void searchesRunSafelyWhileAppendsCommit() throws Exception {
    float[][] many = TestData.clustered(1000, DIM, 5, 0.3, 12);
    Path dir = tmp.resolve("concurrent");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, DIM))) {
      c.append(TestData.batch(many, 0, 100));
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicInteger searches =
          new java.util.concurrent.atomic.AtomicInteger();
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int start = 100; start < 1000; start += 100) {
                      c.append(TestData.batch(many, start, start + 100));
                    }
                  });
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (writer.isAlive() || searches.get() == 0) {
                        int before = c.size();
                        SearchResult r = c.search(SearchRequest.builder().like("k0").k(50).build());
                        assertTrue(
                            r.hits().size() == Math.min(50, before) || r.hits().size() == 50,
                            r.hits().size() + " hits");
                        for (SearchHit hit : r.hits()) {
                          assertTrue(c.hasKey(hit.key()));
                          assertEquals(hit.key(), hit.clip().key());
                        }
                        searches.incrementAndGet();
                      }
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      writer.join();
      reader.join();
      if (failure.get() != null) {
        throw new AssertionError("search during appends failed", failure.get());
      }
      assertEquals(1000, c.size());
      assertSearchable(c, 1000);
    }
  }

  private static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), digest(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static String digest(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
