package org.videoannotator.index;

import org.videoannotator.core.io.AtomicFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.core.vectors.KeyedMatrix;

/**
 * A corpus: one folder holding a set of clips, their L2-normalised vectors and a Lucene index
 * over both (see va-index/README.md for the layout).
 *
 * <p>Durability: {@link #append} writes the vectors, keys and clip metadata after the committed
 * rows and fsyncs them, then commits the Lucene documents, then atomically replaces the manifest
 * with the new row count. A crash at any point leaves the previous manifest, whose count says which
 * rows are real; readers ignore anything beyond it and the next writer cuts it off.
 *
 * <p>Threads: searches and reads may run concurrently with one another and with an append; appends
 * are serialised. Processes: any number may read; one at a time may write (Lucene's write lock,
 * taken at the first write and held until {@link #close}).
 */
public final class Corpus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Corpus.class);

  public static final String MANIFEST = "manifest.json";
  public static final String QUERIES = "queries.json";
  public static final String VIDEOS = "videos.json";

  private final Path dir;
  private final IndexSettings settings;
  private final VectorFile vectorFile;
  private final LineFile keysFile;
  private final LineFile clipsFile;
  private final ClipIndex index;
  private final Map<String, Integer> rowsByKey;
  // Keys in row order; may run ahead of size() during an append (readers stop at size()).
  private final List<String> keysByRow;
  private volatile CorpusManifest manifest;
  private volatile Map<String, float[]> namedQueries;
  private volatile Map<String, IngestedVideo> ingested;
  private KeyedMatrix view;
  private FloatMatrix mapped;
  // Every mapping handed out, unmapped only at close() so that no reader is left with a dead view.
  private final List<FloatMatrix> mappings = new ArrayList<>();
  private boolean writeReady;
  // Serialises writers. Readers never take it, so a long append does not stall searches.
  private final Object writeLock = new Object();
  private final CorpusSearcher searcher;

  private Corpus(Path dir, CorpusManifest manifest, IndexSettings settings) {
    this.dir = dir;
    this.manifest = manifest;
    this.settings = settings;
    int count = (int) manifest.count();
    this.vectorFile = new VectorFile(dir.resolve("vectors").resolve("vectors.f32"), manifest.dimension());
    vectorFile.checkHolds(count);
    // Small files first, so that a bad one fails before any channel is open.
    this.namedQueries = readJson(dir.resolve(QUERIES), new TypeReference<LinkedHashMap<String, float[]>>() {});
    this.ingested = readJson(dir.resolve(VIDEOS), new TypeReference<LinkedHashMap<String, IngestedVideo>>() {});
    this.keysFile = LineFile.open(dir.resolve("vectors").resolve("keys.txt"), count, true);
    try {
      this.clipsFile = LineFile.open(dir.resolve("clips").resolve("clips.jsonl"), count, true);
    } catch (RuntimeException e) {
      keysFile.close();
      throw e;
    }
    this.keysByRow = new ArrayList<>(keysFile.readAll());
    this.rowsByKey = new ConcurrentHashMap<>(Math.max(16, count * 4 / 3 + 1));
    for (int row = 0; row < count; row++) {
      rowsByKey.put(keysByRow.get(row), row);
    }
    this.index = new ClipIndex(dir.resolve("index"), settings.hnsw());
    this.searcher = new CorpusSearcher(this);
  }

  // ---------------------------------------------------------------- opening

  /** Creates an empty corpus in {@code dir} (created if absent; must not hold a corpus already). */
  public static Corpus create(Path dir, EmbedderInfo embedder, int dim) {
    return create(dir, embedder, dim, IndexSettings.defaults());
  }

  public static Corpus create(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings) {
    if (Files.exists(dir.resolve(MANIFEST))) {
      throw new UserException(dir + " already holds a corpus; open it, or choose another folder");
    }
    int max = ClipIndex.maxDimensions();
    if (dim < 1 || dim > max) {
      throw new UserException(
          "cannot create corpus " + dir + " for dimension " + dim + ": the index supports 1.." + max);
    }
    try {
      for (String sub : List.of("clips", "vectors", "index", "media")) {
        Files.createDirectories(dir.resolve(sub));
      }
      Files.write(dir.resolve("vectors").resolve("vectors.f32"), new byte[0]);
      Files.write(dir.resolve("vectors").resolve("keys.txt"), new byte[0]);
      Files.write(dir.resolve("clips").resolve("clips.jsonl"), new byte[0]);
    } catch (IOException e) {
      throw new UserException("cannot create corpus folder " + dir + ": " + e.getMessage(), e);
    }
    try (ClipIndex fresh = new ClipIndex(dir.resolve("index"), settings.hnsw())) {
      fresh.commit(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create index in " + dir, e);
    }
    String now = Instant.now().toString();
    AtomicFiles.writeJson(
        dir.resolve(MANIFEST),
        new CorpusManifest(CorpusManifest.FORMAT_VERSION, embedder, dim, CorpusManifest.COSINE, 0, now, now));
    LOG.info("created corpus {} for {} vectors of dimension {}", dir, embedder, dim);
    return open(dir, settings);
  }

  /** Opens the corpus in {@code dir}, checking its manifest; recovers from an interrupted append. */
  public static Corpus open(Path dir) {
    return open(dir, IndexSettings.defaults());
  }

  public static Corpus open(Path dir, IndexSettings settings) {
    CorpusManifest manifest = readManifest(dir);
    Corpus corpus = new Corpus(dir, manifest, settings);
    try {
      long indexed = corpus.index.committedRows();
      if (indexed < manifest.count()) {
        // The index is behind the data files (deleted or from an older crash): catch it up now.
        corpus.prepareWrite();
      }
      return corpus;
    } catch (RuntimeException e) {
      corpus.close();
      throw e;
    }
  }

  /**
   * Opens the corpus and checks it holds vectors of {@code embedder} and {@code dim}; a mismatch is
   * a {@link UserException} naming both sides.
   */
  public static Corpus open(Path dir, EmbedderInfo embedder, int dim) {
    return compatibleOrClosed(open(dir), embedder, dim);
  }

  private static Corpus compatibleOrClosed(Corpus corpus, EmbedderInfo embedder, int dim) {
    try {
      corpus.requireCompatible(embedder, dim);
      return corpus;
    } catch (RuntimeException e) {
      corpus.close();
      throw e;
    }
  }

  /** Opens the corpus in {@code dir} if there is one (checking it matches), else creates it. */
  public static Corpus openOrCreate(Path dir, EmbedderInfo embedder, int dim) {
    return Files.exists(dir.resolve(MANIFEST)) ? open(dir, embedder, dim) : create(dir, embedder, dim);
  }

  public static Corpus openOrCreate(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings) {
    if (!Files.exists(dir.resolve(MANIFEST))) {
      return create(dir, embedder, dim, settings);
    }
    return compatibleOrClosed(open(dir, settings), embedder, dim);
  }

  static CorpusManifest readManifest(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new UserException(
          dir + " is not a corpus (no " + MANIFEST + "); create one with 'va import-va' or 'va ingest'");
    }
    CorpusManifest manifest;
    try {
      manifest = Json.mapper().readValue(file.toFile(), CorpusManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(file + " is not a valid corpus manifest: " + e.getMessage(), e);
    }
    if (manifest.formatVersion() != CorpusManifest.FORMAT_VERSION) {
      throw new UserException(
          file + " has corpus format version " + manifest.formatVersion() + " but this va reads version "
              + CorpusManifest.FORMAT_VERSION + "; use the va version that wrote it");
    }
    if (!CorpusManifest.COSINE.equals(manifest.similarity())) {
      throw new UserException(file + " has similarity '" + manifest.similarity() + "'; only cosine is supported");
    }
    return manifest;
  }

  /** Refuses vectors of another model or dimension, naming both sides. */
  public void requireCompatible(EmbedderInfo embedder, int dim) {
    CorpusManifest m = manifest;
    if (!m.embedder().equals(embedder) || m.dimension() != dim) {
      throw new UserException(
          "corpus " + dir + " holds vectors of " + m.embedder() + " (dimension " + m.dimension()
              + ") but the caller has " + embedder + " (dimension " + dim
              + "); use a separate corpus per embedder");
    }
  }

  private static <T extends Map<?, ?>> T readJson(Path file, TypeReference<T> type) {
    try {
      if (!Files.exists(file)) {
        return Json.mapper().readValue("{}", type);
      }
      return Json.mapper().readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UserException(file + " is not valid JSON: " + e.getMessage() + "; fix or delete it", e);
    }
  }

  // ---------------------------------------------------------------- reading

  public Path dir() {
    return dir;
  }

  public CorpusManifest manifest() {
    return manifest;
  }

  public EmbedderInfo embedder() {
    return manifest.embedder();
  }

  public int dimension() {
    return manifest.dimension();
  }

  /** Committed rows. */
  public int size() {
    return (int) manifest.count();
  }

  public IndexSettings settings() {
    return settings;
  }

  public boolean hasKey(String key) {
    Integer row = rowsByKey.get(key);
    return row != null && row < size();
  }

  /** Row of {@code key}, or -1. */
  public int rowOf(String key) {
    Integer row = rowsByKey.get(key);
    return row != null && row < size() ? row : -1;
  }

  public Optional<Clip> clip(String key) {
    int row = rowOf(key);
    return row < 0 ? Optional.empty() : Optional.of(clipAt(row));
  }

  /** The clip in row {@code row} (0 <= row < size()). */
  public Clip clipAt(int row) {
    if (row < 0 || row >= size()) {
      throw new IndexOutOfBoundsException("row " + row + " of corpus " + dir + " with " + size() + " clips");
    }
    String line = clipsFile.line(row);
    try {
      return Json.mapper().readValue(line, Clip.class);
    } catch (IOException e) {
      throw new CorpusDamagedException(dir + ": clip row " + row + " is not valid JSON (" + e.getMessage() + ")");
    }
  }

  /** All clips in row order, read lazily from disk. */
  public Stream<Clip> clips() {
    int count = size();
    return IntStream.range(0, count).mapToObj(this::clipAt);
  }

  /** Keys in row order. */
  public List<String> keys() {
    int count = size();
    synchronized (keysByRow) {
      return List.copyOf(keysByRow.subList(0, count));
    }
  }

  /**
   * All committed vectors as one memory-mapped view, row i = key i. The view is owned by the
   * corpus: do not close it; it stays valid until the corpus is closed, even after later appends
   * (which make {@code vectors()} return a new, larger view).
   */
  public synchronized KeyedMatrix vectors() {
    FloatMatrix matrix = matrix();
    if (view == null || view.matrix() != matrix) {
      view = new KeyedMatrix(KeyIndex.of(keys(), dir + "/vectors/keys.txt"), matrix);
    }
    return view;
  }

  /** The committed rows, memory-mapped (re-mapped after an append); owned by the corpus. */
  synchronized FloatMatrix matrix() {
    int count = size();
    if (mapped == null || mapped.rows() != count) {
      mapped = vectorFile.map(count);
      mappings.add(mapped);
    }
    return mapped;
  }

  /** The stored (normalised) vector of {@code key}; an unknown key is a user error naming it. */
  public float[] vector(String key) {
    int row = rowOf(key);
    if (row < 0) {
      throw new UserException("corpus " + dir + " has no clip '" + key + "'");
    }
    return matrix().row(row);
  }

  // ---------------------------------------------------------------- named queries

  /** Named query vectors (normalised), in insertion order. */
  public Map<String, float[]> namedQueries() {
    return Collections.unmodifiableMap(namedQueries);
  }

  public Optional<float[]> namedQuery(String name) {
    return Optional.ofNullable(namedQueries.get(name)).map(float[]::clone);
  }

  public void putNamedQuery(String name, float[] vector) {
    putNamedQueries(Map.of(name, vector));
  }

  /** Adds or replaces named query vectors (validated and normalised) in one atomic write. */
  public void putNamedQueries(Map<String, float[]> queries) {
    synchronized (writeLock) {
      Map<String, float[]> next = new LinkedHashMap<>(namedQueries);
      for (Map.Entry<String, float[]> e : queries.entrySet()) {
        if (e.getKey() == null || e.getKey().isBlank()) {
          throw new IllegalArgumentException("named query needs a non-blank name");
        }
        next.put(e.getKey(), Vectors.normalisedCopy(e.getValue(), dimension(), "named query '" + e.getKey() + "'"));
      }
      AtomicFiles.writeJson(dir.resolve(QUERIES), next);
      namedQueries = next;
    }
  }

  // ---------------------------------------------------------------- videos

  /** Records that the file with {@code contentHash} was ingested as {@code video} with {@code shots} clips. */
  public void markVideoIngested(String contentHash, String video, int shots) {
    synchronized (writeLock) {
      if (contentHash == null || contentHash.isBlank()) {
        throw new IllegalArgumentException("content hash of video '" + video + "' is blank");
      }
      Map<String, IngestedVideo> next = new LinkedHashMap<>(ingested);
      next.put(contentHash, new IngestedVideo(contentHash, video, shots, Instant.now().toString()));
      AtomicFiles.writeJson(dir.resolve(VIDEOS), next);
      ingested = next;
    }
  }

  public boolean isVideoIngested(String contentHash) {
    return ingested.containsKey(contentHash);
  }

  public Map<String, IngestedVideo> ingestedVideos() {
    return Collections.unmodifiableMap(ingested);
  }

  /** Videos that have clips, sorted by id, with their clip counts and ingested content hashes. */
  public List<VideoInfo> videos() {
    Map<String, Integer> counts = new TreeMap<>();
    for (int row = 0, n = size(); row < n; row++) {
      counts.merge(videoOfRow(row), 1, Integer::sum);
    }
    Map<String, List<String>> hashes = new HashMap<>();
    for (IngestedVideo v : ingested.values()) {
      hashes.computeIfAbsent(v.video(), x -> new ArrayList<>()).add(v.contentHash());
    }
    List<VideoInfo> out = new ArrayList<>();
    counts.forEach((video, n) -> out.add(new VideoInfo(video, n, hashes.getOrDefault(video, List.of()))));
    return out;
  }

  private String videoOfRow(int row) {
    return clipAt(row).video();
  }

  // ---------------------------------------------------------------- media

  /** Folder for thumbnails and previews ({@code media/}). */
  public Path mediaDir() {
    return dir.resolve("media");
  }

  /** Where the clip's thumbnail goes: {@code media/thumbs/<sha1-hex of key>.jpg}. */
  public Path thumbnailPath(String key) {
    return mediaDir().resolve("thumbs").resolve(mediaName(key) + ".jpg");
  }

  /** Where the clip's preview goes: {@code media/previews/<sha1-hex of key>.mp4}. */
  public Path previewPath(String key) {
    return mediaDir().resolve("previews").resolve(mediaName(key) + ".mp4");
  }

  /** Hex SHA-1 of the key's UTF-8 bytes: a safe file name for any key. */
  public static String mediaName(String key) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }

  // ---------------------------------------------------------------- writing

  /**
   * Appends {@code batch}: validates every vector (dimension, finite, non-zero), normalises it,
   * and refuses the whole batch if any key is already in the corpus or repeated in the batch.
   * Durable and atomic: after it returns the rows survive a crash; if it fails or the process dies
   * midway, the corpus keeps its previous rows.
   */
  public void append(List<ClipVector> batch) {
    AppendResult result = appendChecked(batch, false);
    if (!result.skipped().isEmpty()) {
      throw new IllegalStateException("append skipped keys " + result.skipped());
    }
  }

  /** Like {@link #append} but skips (and reports) clips whose key is already present. */
  public AppendResult appendOrSkip(List<ClipVector> batch) {
    return appendChecked(batch, true);
  }

  private AppendResult appendChecked(List<ClipVector> batch, boolean skipPresent) {
    synchronized (writeLock) {
      return appendLocked(batch, skipPresent);
    }
  }

  private AppendResult appendLocked(List<ClipVector> batch, boolean skipPresent) {
    List<String> skipped = new ArrayList<>();
    List<Clip> clips = new ArrayList<>(batch.size());
    List<float[]> vectors = new ArrayList<>(batch.size());
    Set<String> seen = new HashSet<>();
    int dim = dimension();
    for (ClipVector cv : batch) {
      String key = cv.clip().key();
      if (hasKey(key) || !seen.add(key)) {
        if (!skipPresent) {
          throw new UserException(
              "corpus " + dir + " already holds clip '" + key + "' (or the batch repeats it);"
                  + " keys must be unique: skip clips already present");
        }
        skipped.add(key);
        continue;
      }
      vectors.add(Vectors.normalisedCopy(cv.vector(), dim, "vector of clip '" + key + "'"));
      clips.add(cv.clip());
    }
    if (clips.isEmpty()) {
      return new AppendResult(0, skipped);
    }
    prepareWrite();
    int start = size();
    int end = Math.addExact(start, clips.size());
    try {
      vectorFile.append(start, vectors);
      List<String> keyLines = new ArrayList<>(clips.size());
      List<String> clipLines = new ArrayList<>(clips.size());
      List<Document> docs = new ArrayList<>(clips.size());
      for (int i = 0; i < clips.size(); i++) {
        Clip clip = clips.get(i);
        keyLines.add(clip.key());
        clipLines.add(Json.mapper().writeValueAsString(clip));
        docs.add(ClipIndex.document(start + i, clip, vectors.get(i)));
      }
      keysFile.append(keyLines);
      clipsFile.append(clipLines);
      index.addAndCommit(docs, end);
      commitManifest(end);
    } catch (IOException | RuntimeException e) {
      rollback(start);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new UncheckedIOException("cannot append to corpus " + dir, (IOException) e);
    }
    synchronized (keysByRow) {
      for (int i = 0; i < clips.size(); i++) {
        keysByRow.add(clips.get(i).key());
        rowsByKey.put(clips.get(i).key(), start + i);
      }
    }
    return new AppendResult(clips.size(), skipped);
  }

  private void commitManifest(long count) {
    CorpusManifest next = manifest.withCount(count, Instant.now().toString());
    AtomicFiles.writeJson(dir.resolve(MANIFEST), next);
    manifest = next;
  }

  /** Puts the files back to {@code count} rows after a failed append (best effort). */
  private void rollback(int count) {
    // Documents added but not committed must never reach a later commit: drop the writer (and its
    // buffer); the next append reopens it and runs the recovery of prepareWrite().
    writeReady = false;
    try {
      index.discardUncommitted();
      keysFile.truncate(Math.min(count, keysFile.rows()));
      clipsFile.truncate(Math.min(count, clipsFile.rows()));
      vectorFile.truncate(count);
    } catch (RuntimeException e) {
      LOG.warn("rollback of corpus {} to {} rows failed ({}); reopening will recover", dir, count, e.toString());
    }
  }

  /**
   * Takes the write lock and brings the files and index in line with the manifest: cuts off tails
   * of an interrupted append, deletes index documents the manifest never committed, and indexes
   * committed rows the index lacks.
   */
  private void prepareWrite() {
    if (writeReady) {
      return;
    }
    index.writer();
    CorpusManifest onDisk = readManifest(dir);
    if (onDisk.count() != manifest.count()) {
      throw new UserException(
          "corpus " + dir + " changed on disk since it was opened (" + manifest.count() + " -> "
              + onDisk.count() + " clips); reopen it");
    }
    int count = size();
    keysFile.truncate(count);
    clipsFile.truncate(count);
    vectorFile.truncate(count);
    long indexed = index.committedRows();
    if (indexed != count) {
      long from = Math.max(0, Math.min(indexed, count));
      index.deleteRowsFrom(from);
      if (from < count) {
        LOG.warn("corpus {}: indexing rows {}..{} missing from the Lucene index", dir, from, count - 1);
        reindex((int) from, count);
      }
    }
    writeReady = true;
  }

  private void reindex(int from, int to) {
    var matrix = vectorFile.map(to);
    try (matrix) {
      int batch = 10_000;
      for (int start = from; start < to; start += batch) {
        int stop = Math.min(to, start + batch);
        List<Document> docs = new ArrayList<>(stop - start);
        for (int row = start; row < stop; row++) {
          docs.add(ClipIndex.document(row, clipAt(row), matrix.row(row)));
        }
        index.addAndCommit(docs, stop);
      }
    }
  }

  /**
   * Merges the index into one segment (one HNSW graph), the fastest layout to search. Worth it
   * after a bulk import; costs time proportional to the whole corpus.
   */
  public void optimize() {
    synchronized (writeLock) {
      prepareWrite();
      index.forceMerge(size());
    }
  }

  /** Lucene segments currently searched (one graph each). */
  public int segmentCount() {
    return index.segmentCount();
  }

  // ---------------------------------------------------------------- search

  public SearchResult search(SearchRequest request) {
    return searcher.search(request);
  }

  ClipIndex index() {
    return index;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      closeLocked();
    }
  }

  private synchronized void closeLocked() {
    RuntimeException failure = null;
    for (AutoCloseable c : List.<AutoCloseable>of(index, keysFile, clipsFile)) {
      try {
        c.close();
      } catch (Exception e) {
        failure = failure == null ? new RuntimeException("closing corpus " + dir, e) : failure;
      }
    }
    mappings.forEach(FloatMatrix::close);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Corpus[" + dir + ", " + size() + " clips, " + manifest.embedder() + ", dim " + dimension() + "]";
  }
}
