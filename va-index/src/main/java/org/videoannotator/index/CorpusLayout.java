package org.videoannotator.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every file and folder of a corpus folder, named in one place. Each module that writes into the
 * folder (va-index, va-embed's ingest, va-server's store and models, va-cli) asks here for the
 * path, so the layout can be read (and changed) in one file:
 *
 * <pre>
 * manifest.json             what the vectors are, how many rows are durable, which vector store
 * vectors/vectors.f32       row-major float32, L2-normalised (native byte order)
 * vectors/keys.txt          one clip key per row
 * clips/clips.jsonl         one clip's metadata (JSON) per row
 * index/                    the lucene vector store (absent for other stores)
 * text/                     the text index: Lucene BM25 over titles and texts, whatever the store
 * store.lock                the single-writer lock of stores outside the folder (opensearch)
 * queries.json              named query vectors
 * videos.json               content hashes of ingested video files
 * media/thumbs/, previews/  a JPEG and an MP4 per clip, named by the key's SHA-1
 * embed-model.json          which model folder embedded the clips (for text queries)
 * ingest-report.json        the last ingest's per-file results
 * annotations.db            the annotation server's SQLite database
 * models/LABEL/vN.json      saved label models
 * clusters-kmeans.json      k-means clusters for corpora without cluster metadata
 * spark-staging/HASH/       segments of a `va spark ingest` waiting for the driver to commit them
 * </pre>
 */
public record CorpusLayout(Path dir) {
  public static final String MANIFEST = "manifest.json";
  public static final String QUERIES = "queries.json";
  public static final String VIDEOS = "videos.json";
  public static final String EMBED_MODEL = "embed-model.json";
  public static final String INGEST_REPORT = "ingest-report.json";
  public static final String ANNOTATIONS = "annotations.db";
  public static final String MODELS = "models";
  public static final String CLUSTERS = "clusters-kmeans.json";
  public static final String SPARK_STAGING = "spark-staging";

  public static CorpusLayout of(Path dir) {
    return new CorpusLayout(dir);
  }

  public Path manifest() {
    return dir.resolve(MANIFEST);
  }

  public Path vectorsDir() {
    return dir.resolve("vectors");
  }

  public Path vectors() {
    return vectorsDir().resolve("vectors.f32");
  }

  public Path keys() {
    return vectorsDir().resolve("keys.txt");
  }

  public Path clipsDir() {
    return dir.resolve("clips");
  }

  public Path clips() {
    return clipsDir().resolve("clips.jsonl");
  }

  /** The lucene store's folder. */
  public Path luceneIndex() {
    return dir.resolve("index");
  }

  /** The text index's folder (word search, whatever the vector store). */
  public Path textIndex() {
    return dir.resolve("text");
  }

  /** Single-writer lock of a store that lives outside the folder (Lucene has its own). */
  public Path storeLock() {
    return dir.resolve("store.lock");
  }

  public Path queries() {
    return dir.resolve(QUERIES);
  }

  public Path videos() {
    return dir.resolve(VIDEOS);
  }

  public Path media() {
    return dir.resolve("media");
  }

  /** Where the clip's thumbnail goes: {@code media/thumbs/<sha1-hex of key>.jpg}. */
  public Path thumbnail(String key) {
    return media().resolve("thumbs").resolve(mediaName(key) + ".jpg");
  }

  /** Where the clip's preview goes: {@code media/previews/<sha1-hex of key>.mp4}. */
  public Path preview(String key) {
    return media().resolve("previews").resolve(mediaName(key) + ".mp4");
  }

  public Path embedModel() {
    return dir.resolve(EMBED_MODEL);
  }

  public Path ingestReport() {
    return dir.resolve(INGEST_REPORT);
  }

  public Path annotations() {
    return dir.resolve(ANNOTATIONS);
  }

  /** Saved models, relative to the corpus folder (as the annotation database records them). */
  public static String modelFile(String labelFolder, int version) {
    return MODELS + "/" + labelFolder + "/v" + version + ".json";
  }

  /** Where Spark ingest tasks stage their segments when no shared staging folder is given. */
  public Path sparkStaging() {
    return dir.resolve(SPARK_STAGING);
  }

  public Path clusters() {
    return dir.resolve(CLUSTERS);
  }

  /** Hex SHA-1 of the key's UTF-8 bytes: a safe file name for any key. */
  public static String mediaName(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }
}
