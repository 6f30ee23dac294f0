package org.videoannotator.server.builds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.testkit.SyntheticCorpora;

/** Clusters come from clip metadata, else from k-means computed once and cached in the corpus. */
class ClusterSourceTest {
  @TempDir Path temp;

  @Test
  void metadataClustersWin() {
    try (Corpus corpus = SyntheticCorpora.create(temp.resolve("c"), 200, 8, 1)) {
      ClusterSource source = new ClusterSource(corpus);
      String key = SyntheticCorpora.key(7);
      assertEquals(corpus.clip(key).orElseThrow().cluster(), source.clusterOf(key));
      assertTrue(
          Files.notExists(corpus.layout().clusters()), "no k-means when metadata has clusters");
    }
  }

  @Test
  void kmeansForClipsWithoutClustersIsCachedAndReused() {
    Path dir = temp.resolve("bare");
    SplittableRandom random = new SplittableRandom(3);
    List<ClipVector> clips = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      float[] v = new float[8];
      int group = i % 4; // four well-separated groups
      for (int j = 0; j < 8; j++) {
        v[j] = (j == group ? 10f : 0f) + (float) random.nextGaussian() * 0.1f;
      }
      clips.add(new ClipVector(Clip.of("k" + i, "v" + (i / 20)), v));
    }
    List<Integer> first = new ArrayList<>();
    try (Corpus corpus = Corpus.open(dir, CorpusOptions.create(EmbedderInfo.of("bare", "1"), 8))) {
      corpus.append(clips);
      ClusterSource source = new ClusterSource(corpus);
      for (int i = 0; i < 400; i++) {
        int c = source.clusterOf("k" + i);
        assertTrue(c >= 0 && c < 10, "cluster " + c);
        first.add(c);
      }
      assertTrue(Files.isRegularFile(CorpusLayout.of(dir).clusters()));
      // Clips of one well-separated group share a cluster.
      Set<Integer> groupZero = new HashSet<>();
      for (int i = 0; i < 400; i += 4) {
        groupZero.add(first.get(i));
      }
      assertTrue(groupZero.size() <= 3, "group 0 split over " + groupZero);
    }
    try (Corpus corpus = Corpus.open(dir, CorpusOptions.existing())) {
      ClusterSource again = new ClusterSource(corpus);
      for (int i = 0; i < 400; i++) {
        assertEquals(first.get(i), again.clusterOf("k" + i), "cached clusters are reused");
      }
    }
  }
}
