package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.core.vectors.VectorMath;

class CorpusTest {
  @TempDir Path tmp;

  @Test
  void appendedClipsAndNormalisedVectorsSurviveReopen() {
    Path dir = tmp.resolve("c");
    float[][] v = TestData.clustered(50, 8, 3, 0.3, 1);
    // Scale one vector so normalisation is visible.
    float[] scaled = v[0].clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 3;
    }
    v[0] = scaled;
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 8))) {
      c.append(TestData.batch(v, 0, 30));
      c.append(TestData.batch(v, 30, 50));
      assertEquals(50, c.size());
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.expecting(TestData.EMBEDDER, 8))) {
      assertEquals(50, c.size());
      assertEquals(TestData.clip(42, "video0", "clip number 42"), c.clip("k42").orElseThrow());
      assertTrue(c.clip("nope").isEmpty());
      assertEquals(c.keys(), c.clips().map(Clip::key).toList());
      KeyedMatrix m = c.vectors();
      assertEquals(50, m.size());
      assertEquals(49, m.keys().rowOf("k49"));
      float[] first = m.vector("k0");
      double norm = 0;
      for (float x : first) {
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-5);
      assertArrayEquals(VectorMath.normalisedCopy(v[7], 8, "x"), m.vector("k7"), 1e-7f);
      assertEquals(50, c.manifest().count());
    }
  }

  @Test
  void aCorpusWithoutATextIndexGetsOneOnItsFirstOpen() {
    // Corpora written before the text index moved out of the store's index/ have no text/.
    Path dir = tmp.resolve("c");
    float[][] v = TestData.clustered(40, 8, 3, 0.3, 5);
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 8))) {
      c.append(TestData.batch(v, 0, 40));
    }
    FileTrees.deleteTree(CorpusLayout.of(dir).textIndex());
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertTrue(Files.isDirectory(CorpusLayout.of(dir).textIndex()));
      assertEquals(
          List.of("k12"),
          c.search(SearchRequest.builder().words("number 12").k(1).build()).hits().stream()
              .map(SearchHit::key)
              .toList());
    }
  }

  @Test
  void duplicateKeysRefusedOrSkipped() {
    float[][] v = TestData.clustered(10, 4, 2, 0.3, 2);
    try (Corpus c = Corpus.open(tmp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, 4))) {
      c.append(TestData.batch(v, 0, 5));
      UserException e = assertThrows(UserException.class, () -> c.append(TestData.batch(v, 3, 8)));
      assertTrue(e.getMessage().contains("'k3'"), e.getMessage());
      assertEquals(5, c.size(), "a refused batch adds nothing");
      AppendResult r = c.appendOrSkip(TestData.batch(v, 3, 8));
      assertEquals(3, r.appended());
      assertEquals(List.of("k3", "k4"), r.skipped());
      assertEquals(8, c.size());
    }
  }

  @Test
  void badVectorsRefusedWithTheClipNamed() {
    try (Corpus c = Corpus.open(tmp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, 4))) {
      var wrongDim = List.of(new ClipVector(Clip.of("a", "v"), new float[] {1, 2, 3}));
      assertTrue(
          assertThrows(UserException.class, () -> c.append(wrongDim))
              .getMessage()
              .contains("clip 'a' has dimension 3, the corpus has 4"));
      var nan = List.of(new ClipVector(Clip.of("b", "v"), new float[] {1, Float.NaN, 0, 0}));
      assertTrue(
          assertThrows(UserException.class, () -> c.append(nan)).getMessage().contains("clip 'b'"));
      var zero = List.of(new ClipVector(Clip.of("z", "v"), new float[4]));
      assertTrue(
          assertThrows(UserException.class, () -> c.append(zero))
              .getMessage()
              .contains("all zeros"));
      assertEquals(0, c.size());
    }
  }

  @Test
  void manifestMismatchRefusedNamingBothSides() {
    Path dir = tmp.resolve("c");
    Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 4)).close();
    EmbedderInfo other = EmbedderInfo.of("clip", "vit-b-32");
    UserException e =
        assertThrows(
            UserException.class, () -> Corpus.open(dir, CorpusOptions.expecting(other, 4)));
    assertTrue(
        e.getMessage().contains("test-embedder@1") && e.getMessage().contains("clip@vit-b-32"),
        e.getMessage());
    UserException d =
        assertThrows(
            UserException.class,
            () -> Corpus.open(dir, CorpusOptions.openOrCreate(TestData.EMBEDDER, 8)));
    assertTrue(
        d.getMessage().contains("dimension 4") && d.getMessage().contains("dimension 8"),
        d.getMessage());
    UserException exists =
        assertThrows(
            UserException.class,
            () -> Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 4)));
    assertTrue(exists.getMessage().contains("already holds a corpus"));
    UserException none =
        assertThrows(
            UserException.class,
            () -> Corpus.open(tmp.resolve("nothing"), CorpusOptions.existing()));
    assertTrue(none.getMessage().contains("is not a corpus"));
  }

  @Test
  void newerFormatVersionRefused() throws Exception {
    Path dir = tmp.resolve("c");
    Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 4)).close();
    Path manifest = dir.resolve(CorpusLayout.MANIFEST);
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
    UserException e =
        assertThrows(UserException.class, () -> Corpus.open(dir, CorpusOptions.existing()));
    assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
  }

  @Test
  void namedQueriesAndIngestedVideosPersist() {
    Path dir = tmp.resolve("c");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 2))) {
      c.putNamedQueries(Map.of("action", new float[] {3, 4}));
      c.markVideoIngested("abc123", "movie", 12);
      c.append(List.of(new ClipVector(Clip.of("s1", "movie"), new float[] {1, 0})));
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertArrayEquals(new float[] {0.6f, 0.8f}, c.namedQuery("action").orElseThrow(), 1e-6f);
      assertTrue(c.isVideoIngested("abc123"));
      assertFalse(c.isVideoIngested("zzz"));
      assertEquals(List.of(new VideoInfo("movie", 1, List.of("abc123"))), c.videos());
      assertEquals(Map.of(), Map.copyOf(Map.of()));
    }
  }

  @Test
  void mediaPathsAreSafeFileNames() {
    try (Corpus c = Corpus.open(tmp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, 2))) {
      Path thumb = c.layout().thumbnail("../../etc/passwd|12");
      assertEquals(c.layout().media().resolve("thumbs"), thumb.getParent());
      assertTrue(thumb.getFileName().toString().matches("[0-9a-f]{40}\\.jpg"));
      assertTrue(c.layout().preview("x").getFileName().toString().endsWith(".mp4"));
    }
  }
}
