package org.videoannotator.spark.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.Json;
import org.videoannotator.embed.ingest.ProcessedVideo;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.CorpusLayout;

/**
 * A staged segment: one processed video as files in a folder, so a task can hand it to the driver
 * through any Hadoop filesystem. The folder is laid out like a corpus for media ({@link
 * CorpusLayout#thumbnail}, {@link CorpusLayout#preview}), plus {@code clips.jsonl} (one clip per
 * line, in shot order), {@code vectors.f32} (the vectors, little-endian float32, row-major) and
 * {@code video.json} (the rest). Floats are stored as bits, so vectors arrive bit for bit.
 */
final class Segments {
  static final String CLIPS = "clips.jsonl";
  static final String VECTORS = "vectors.f32";
  static final String VIDEO = "video.json";

  /** The scalar part of a segment. */
  record VideoFacts(
      String file,
      String video,
      String contentHash,
      int frames,
      double seconds,
      List<String> warnings,
      int clips,
      int dim) {}

  private Segments() {}

  /** Writes {@code processed} into {@code dir}, whose media the processor has already written. */
  static void write(Path dir, ProcessedVideo processed) throws IOException {
    ObjectMapper json = Json.mapper();
    List<ClipVector> clips = processed.clips();
    int dim = clips.isEmpty() ? 0 : clips.getFirst().vector().length;
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(CLIPS), StandardCharsets.UTF_8)) {
      for (ClipVector cv : clips) {
        out.write(json.writeValueAsString(cv.clip()));
        out.write('\n');
      }
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve(VECTORS))) {
      ByteBuffer row = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (ClipVector cv : clips) {
        row.clear();
        row.asFloatBuffer().put(cv.vector());
        out.write(row.array());
      }
    }
    json.writeValue(
        dir.resolve(VIDEO).toFile(),
        new VideoFacts(
            processed.file(),
            processed.video(),
            processed.contentHash(),
            processed.frames(),
            processed.seconds(),
            processed.warnings(),
            clips.size(),
            dim));
  }

  /** Reads the segment in {@code dir} back. */
  static ProcessedVideo read(Path dir) throws IOException {
    ObjectMapper json = Json.mapper();
    VideoFacts facts = json.readValue(dir.resolve(VIDEO).toFile(), VideoFacts.class);
    List<Clip> clips = new ArrayList<>(facts.clips());
    try (BufferedReader in = Files.newBufferedReader(dir.resolve(CLIPS), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        clips.add(json.readValue(line, Clip.class));
      }
    }
    if (clips.size() != facts.clips()) {
      throw new IOException(
          dir + ": " + clips.size() + " clips where " + facts.clips() + " were staged");
    }
    List<ClipVector> out = new ArrayList<>(clips.size());
    try (InputStream in = Files.newInputStream(dir.resolve(VECTORS))) {
      byte[] row = new byte[facts.dim() * Float.BYTES];
      for (Clip clip : clips) {
        if (in.readNBytes(row, 0, row.length) != row.length) {
          throw new IOException(dir + ": " + VECTORS + " ends before clip " + clip.key());
        }
        float[] vector = new float[facts.dim()];
        ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        out.add(new ClipVector(clip, vector));
      }
    }
    return new ProcessedVideo(
        facts.file(),
        facts.video(),
        facts.contentHash(),
        out,
        facts.frames(),
        facts.seconds(),
        facts.warnings());
  }
}
