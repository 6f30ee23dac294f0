package org.videoannotator.server.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.datasets.Checkpoint;
import org.videoannotator.datasets.Shot;
import org.videoannotator.datasets.VaDatasetWriter;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.builds.BuildArtifacts;
import org.videoannotator.server.store.CurrentAnnotation;

/**
 * A label's session in the released VA layout, zipped: {@code agg/<label>.json} (the current yes/no
 * annotations, {@code primary}, {@code secondaries}, {@code agg}, {@code pos_cnt} as the release
 * has them: {@link VaAgg}), {@code checkpoints/<label>.json} (the training set of every finished
 * build, in order), and {@code shot-data.csv} + {@code embeddings.h5} of every clip involved, plus
 * {@code text-embeddings.json} (the corpus's named query of the label's name when it has one), so
 * {@code va replay} can replay the session. Written through datasets' {@link VaDatasetWriter}.
 */
final class VaExport {
  private VaExport() {}

  static void write(
      String label,
      Corpus corpus,
      List<CurrentAnnotation> current,
      List<BuildArtifacts> builds,
      OutputStream out)
      throws IOException {
    Path dir = Files.createTempDirectory("va-export");
    try {
      writeLayout(label, corpus, current, builds, new VaDatasetWriter(dir));
      zip(dir, out);
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void writeLayout(
      String label,
      Corpus corpus,
      List<CurrentAnnotation> current,
      List<BuildArtifacts> builds,
      VaDatasetWriter writer) {
    VaAgg agg = VaAgg.of(current);
    Set<String> involved = new LinkedHashSet<>();
    agg.entries().forEach(e -> involved.add(e.key()));
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (BuildArtifacts b : builds) {
      checkpoints.add(new Checkpoint(b.pos(), b.neg()));
      involved.addAll(b.pos());
      involved.addAll(b.neg());
    }
    List<String> keys = involved.stream().filter(corpus::hasKey).toList();
    List<Shot> shots = new ArrayList<>(keys.size());
    for (String key : keys) {
      shots.add(shot(corpus.clip(key).orElseThrow()));
    }
    KeyedMatrix vectors = corpus.vectors();
    writer.writeShots(shots);
    writer.writeEmbeddings(
        keys.size(),
        corpus.dimension(),
        (row, dst) -> vectors.matrix().copyRow(vectors.keys().rowOf(keys.get(row)), dst));
    Map<String, float[]> text = new LinkedHashMap<>();
    corpus.namedQuery(label).ifPresent(v -> text.put(label, v));
    writer.writeTextEmbeddings(text);
    writer.writeAgg(label, agg.primary(), agg.secondaries(), agg.entries());
    writer.writeCheckpoints(label, checkpoints);
  }

  private static Shot shot(Clip c) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("title", c.title());
    extra.put("video_source", c.source());
    return new Shot(
        c.key(),
        c.video(),
        c.text(),
        null,
        c.frameIn(),
        c.frameOut(),
        c.start(),
        c.end(),
        c.fps(),
        c.cluster(),
        extra);
  }

  private static void zip(Path dir, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, zip);
        zip.closeEntry();
      }
    }
    zip.finish();
    zip.flush();
  }
}
