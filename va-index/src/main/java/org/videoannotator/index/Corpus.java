package org.videoannotator.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.index.store.VectorIndex;
import org.videoannotator.index.store.VectorIndexProvider;
import org.videoannotator.index.store.VectorIndexes;

/**
 * A corpus: one folder ({@link CorpusLayout}) holding a set of clips and their L2-normalised
 * vectors, plus a searchable copy in a {@link VectorIndex} chosen by the manifest (the Lucene
 * index in the folder by default). This class is a facade: rows live in {@link ClipRows}, appends
 * in {@link CorpusWriter}, searches in {@link CorpusSearcher}, named queries and the ingested-video
 * registry in their own classes.
 *
 * <p>Threads: searches and reads may run concurrently with one another and with an append; appends
 * are serialised. Processes: any number may read; one at a time may write (the store's write lock,
 * taken at the first write and held until {@link #close}).
 */
public final class Corpus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Corpus.class);

  private final CorpusLayout layout;
  private final IndexSettings settings;
  private final ClipRows rows;
  private final NamedQueries namedQueries;
  private final VideoRegistry videos;
  private final VectorIndex index;
  private final CorpusWriter writer;
  private final CorpusSearcher searcher;
  private volatile CorpusManifest manifest;
  // Serialises writers. Readers never take it, so a long append does not stall searches.
  private final Object writeLock = new Object();
  private boolean closed;

  private Corpus(CorpusLayout layout, CorpusManifest manifest, IndexSettings settings) {
    this.layout = layout;
    this.manifest = manifest;
    this.settings = settings;
    // Small files first, so that a bad one fails before any channel is open.
    this.namedQueries = new NamedQueries(layout.queries(), manifest.dimension());
    this.videos = new VideoRegistry(layout.videos());
    this.rows = new ClipRows(layout, manifest.dimension(), (int) manifest.count());
    try {
      this.index = VectorIndexes.provider(manifest.store().kind())
          .open(layout.dir(), manifest.store(), manifest.dimension(), settings);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
    this.writer = new CorpusWriter(this, rows, index);
    this.searcher = new CorpusSearcher(this, index);
  }

  // ---------------------------------------------------------------- opening

  /** Creates an empty corpus in {@code dir} (created if absent; must not hold a corpus already). */
  public static Corpus create(Path dir, EmbedderInfo embedder, int dim) {
    return create(dir, embedder, dim, IndexSettings.defaults());
  }

  public static Corpus create(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings) {
    return create(dir, embedder, dim, settings, StoreSpec.lucene());
  }

  /**
   * Creates an empty corpus whose searchable copy lives in the store {@code store}. A create that
   * fails (an unreachable cluster, a taken index) leaves nothing behind: the folder is removed if
   * this call made it, else the files it made.
   */
  public static Corpus create(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings, StoreSpec store) {
    CorpusLayout layout = CorpusLayout.of(dir);
    if (Files.exists(layout.manifest())) {
      throw new UserException(dir + " already holds a corpus; open it, or choose another folder");
    }
    VectorIndexProvider provider = VectorIndexes.provider(store.kind());
    provider.validate(store);
    int max = provider.maxDimensions();
    if (dim < 1 || dim > max) {
      throw new UserException("cannot create corpus " + dir + " for dimension " + dim + ": the "
          + store.kind() + " store supports 1.." + max);
    }
    List<Path> made = new ArrayList<>();
    try {
      createFolders(layout, made);
      try (VectorIndex fresh = provider.create(dir, store, dim, settings)) {
        long held = fresh.committedRows();
        if (held > 0) {
          throw new UserException("the " + store.kind() + " store " + fresh.stats().details()
              + " already holds " + held + " clips, of another corpus; give this corpus its own"
              + " (e.g. --store-param index=NAME) or delete that one");
        }
        fresh.beginWriting();
        fresh.commit(0);
      }
      String now = Instant.now().toString();
      new CorpusManifest(CorpusManifest.FORMAT_VERSION, embedder, dim, CorpusManifest.COSINE, 0, now, now, store)
          .write(layout);
    } catch (RuntimeException e) {
      removeQuietly(made, e);
      throw e;
    }
    LOG.info("created corpus {} for {} vectors of dimension {} in the {} store", dir, embedder, dim, store.kind());
    return open(dir, settings);
  }

  /** Makes the corpus's folders and empty row files, noting (outermost first) what did not exist. */
  private static void createFolders(CorpusLayout layout, List<Path> made) {
    try {
      for (Path p = layout.dir().toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
        made.addFirst(p);
      }
      // What the store may make in the folder is noted too, so that a failed create removes it.
      for (Path p : List.of(layout.clipsDir(), layout.vectorsDir(), layout.media(), layout.luceneIndex(),
          layout.vectors(), layout.keys(), layout.clips(), layout.storeLock())) {
        if (!Files.exists(p)) {
          made.add(p.toAbsolutePath());
        }
      }
      for (Path sub : List.of(layout.clipsDir(), layout.vectorsDir(), layout.media())) {
        Files.createDirectories(sub);
      }
      for (Path empty : List.of(layout.vectors(), layout.keys(), layout.clips())) {
        Files.write(empty, new byte[0]);
      }
    } catch (IOException e) {
      throw new UserException("cannot create corpus folder " + layout.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Deletes what a failed create made (the outermost new folder with everything in it). */
  private static void removeQuietly(List<Path> made, RuntimeException failure) {
    for (Path p : made) {
      try {
        if (Files.exists(p)) {
          FileTrees.deleteTree(p);
        }
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Opens the corpus in {@code dir}, checking its manifest; recovers from an interrupted append. */
  public static Corpus open(Path dir) {
    return open(dir, IndexSettings.defaults());
  }

  public static Corpus open(Path dir, IndexSettings settings) {
    CorpusLayout layout = CorpusLayout.of(dir);
    Corpus corpus = new Corpus(layout, CorpusManifest.read(layout), settings);
    try {
      long held;
      try {
        held = corpus.index.committedRows();
      } catch (StoreUnavailableException e) {
        if (corpus.index.rebuildsSilently()) {
          throw e;
        }
        // A cluster that is down: the corpus still opens (its files, the scan); searches that need
        // the store report it until it is back.
        LOG.warn("corpus {}: {}", dir, e.getMessage());
        return corpus;
      }
      if (held < 0 && corpus.size() > 0 && !corpus.index.rebuildsSilently()) {
        // Its copy is gone (an OpenSearch index deleted): say so; rebuilding is the operator's call.
        LOG.warn("{}", corpus.storeMissingMessage());
      } else if (held < corpus.manifest.count()) {
        // The store is behind the data files (deleted or from an older crash): catch it up now.
        synchronized (corpus.writeLock) {
          corpus.writer.prepare();
        }
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
    return openOrCreate(dir, embedder, dim, IndexSettings.defaults());
  }

  public static Corpus openOrCreate(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings) {
    return openOrCreate(dir, embedder, dim, settings, StoreSpec.lucene());
  }

  /**
   * Like {@link #openOrCreate(Path, EmbedderInfo, int)}; {@code store} (null: the default, lucene)
   * applies when creating. A store given for an existing corpus must be the one it has: another is
   * refused, naming {@code va store move}, rather than ignored.
   */
  public static Corpus openOrCreate(Path dir, EmbedderInfo embedder, int dim, IndexSettings settings, StoreSpec store) {
    if (!Files.exists(CorpusLayout.of(dir).manifest())) {
      return create(dir, embedder, dim, settings, store == null ? StoreSpec.lucene() : store);
    }
    if (store != null) {
      StoreSpec has = CorpusManifest.read(CorpusLayout.of(dir)).store();
      if (!has.equals(store) && has.kind().equals(StoreSpec.LUCENE) && store.kind().equals(StoreSpec.LUCENE)) {
        throw new UserException("corpus " + dir + " already keeps its vectors in the store " + describe(has)
            + ", not " + describe(store) + "; the settings of an existing lucene store cannot change: leave out"
            + " --store, or import into a new corpus");
      }
      if (!has.equals(store)) {
        throw new UserException("corpus " + dir + " already keeps its vectors in the store " + describe(has)
            + ", not " + describe(store) + "; leave out --store for an existing corpus, or move it first:"
            + " va store move --corpus " + dir + " --to " + describe(store));
      }
    }
    return compatibleOrClosed(open(dir, settings), embedder, dim);
  }

  /** {@code kind} or {@code kind:key=value,...}, as {@code --store} takes it (passwords never appear: they are not settings). */
  static String describe(StoreSpec store) {
    return store.describe();
  }

  /** Refuses vectors of another model or dimension, naming both sides. */
  public void requireCompatible(EmbedderInfo embedder, int dim) {
    CorpusManifest m = manifest;
    if (!m.embedder().equals(embedder) || m.dimension() != dim) {
      throw new UserException(
          "corpus " + dir() + " holds vectors of " + m.embedder() + " (dimension " + m.dimension()
              + ") but the caller has " + embedder + " (dimension " + dim
              + "); use a separate corpus per embedder");
    }
  }

  // ---------------------------------------------------------------- reading

  public Path dir() {
    return layout.dir();
  }

  /** Where every file of this corpus lives. */
  public CorpusLayout layout() {
    return layout;
  }

  public CorpusManifest manifest() {
    return manifest;
  }

  void manifestCommitted(CorpusManifest next) {
    manifest = next;
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

  /** Which store holds the searchable copy, and what it reports about itself. */
  public IndexStats storeStats() {
    return index.stats();
  }

  public boolean hasKey(String key) {
    return rowOf(key) >= 0;
  }

  /** Row of {@code key}, or -1. */
  public int rowOf(String key) {
    return rows.rowOf(key, size());
  }

  public Optional<Clip> clip(String key) {
    int row = rowOf(key);
    return row < 0 ? Optional.empty() : Optional.of(clipAt(row));
  }

  /** The clip in row {@code row} (0 <= row < size()). */
  public Clip clipAt(int row) {
    if (row < 0 || row >= size()) {
      throw new IndexOutOfBoundsException("row " + row + " of corpus " + dir() + " with " + size() + " clips");
    }
    return rows.clipAt(row);
  }

  /** All clips in row order, read lazily from disk. */
  public Stream<Clip> clips() {
    return IntStream.range(0, size()).mapToObj(this::clipAt);
  }

  /** Keys in row order. */
  public List<String> keys() {
    return rows.keys(size());
  }

  /**
   * All committed vectors as one memory-mapped view, row i = key i. The view is owned by the
   * corpus: do not close it; it stays valid until the corpus is closed, even after later appends
   * (which make {@code vectors()} return a new, larger view).
   */
  public KeyedMatrix vectors() {
    return rows.keyed(size());
  }

  /** The committed rows, memory-mapped (re-mapped after an append); owned by the corpus. */
  FloatMatrix matrix() {
    return rows.matrix(size());
  }

  /** The stored (normalised) vector of {@code key}; an unknown key is a user error naming it. */
  public float[] vector(String key) {
    int row = rowOf(key);
    if (row < 0) {
      throw new UserException("corpus " + dir() + " has no clip '" + key + "'");
    }
    return matrix().row(row);
  }

  // ---------------------------------------------------------------- named queries

  /** Named query vectors (normalised), in insertion order. */
  public Map<String, float[]> namedQueries() {
    return namedQueries.all();
  }

  public Optional<float[]> namedQuery(String name) {
    return namedQueries.get(name);
  }

  public void putNamedQuery(String name, float[] vector) {
    putNamedQueries(Map.of(name, vector));
  }

  /** Adds or replaces named query vectors (validated and normalised) in one atomic write. */
  public void putNamedQueries(Map<String, float[]> queries) {
    synchronized (writeLock) {
      namedQueries.put(queries);
    }
  }

  // ---------------------------------------------------------------- videos

  /** Records that the file with {@code contentHash} was ingested as {@code video} with {@code shots} clips. */
  public void markVideoIngested(String contentHash, String video, int shots) {
    synchronized (writeLock) {
      videos.mark(contentHash, video, shots);
    }
  }

  public boolean isVideoIngested(String contentHash) {
    return videos.contains(contentHash);
  }

  public Map<String, IngestedVideo> ingestedVideos() {
    return videos.all();
  }

  /** Videos that have clips, sorted by id, with their clip counts and ingested content hashes. */
  public List<VideoInfo> videos() {
    Map<String, Integer> counts = new TreeMap<>();
    for (int row = 0, n = size(); row < n; row++) {
      counts.merge(clipAt(row).video(), 1, Integer::sum);
    }
    Map<String, List<String>> hashes = new HashMap<>();
    for (IngestedVideo v : videos.all().values()) {
      hashes.computeIfAbsent(v.video(), x -> new ArrayList<>()).add(v.contentHash());
    }
    List<VideoInfo> out = new ArrayList<>();
    counts.forEach((video, n) -> out.add(new VideoInfo(video, n, hashes.getOrDefault(video, List.of()))));
    return out;
  }

  // ---------------------------------------------------------------- media

  /** Folder for thumbnails and previews ({@code media/}). */
  public Path mediaDir() {
    return layout.media();
  }

  /** Where the clip's thumbnail goes (see {@link CorpusLayout#thumbnail}). */
  public Path thumbnailPath(String key) {
    return layout.thumbnail(key);
  }

  /** Where the clip's preview goes (see {@link CorpusLayout#preview}). */
  public Path previewPath(String key) {
    return layout.preview(key);
  }

  /** Hex SHA-1 of the key's UTF-8 bytes: a safe file name for any key. */
  public static String mediaName(String key) {
    return CorpusLayout.mediaName(key);
  }

  // ---------------------------------------------------------------- writing

  /**
   * Appends {@code batch}: validates every vector (dimension, finite, non-zero), normalises it,
   * and refuses the whole batch if any key is already in the corpus or repeated in the batch.
   * Durable and atomic: after it returns the rows survive a crash; if it fails or the process dies
   * midway, the corpus keeps its previous rows.
   */
  public void append(List<ClipVector> batch) {
    AppendResult result;
    synchronized (writeLock) {
      result = writer.append(batch, false);
    }
    if (!result.skipped().isEmpty()) {
      throw new IllegalStateException("append skipped keys " + result.skipped());
    }
  }

  /** Like {@link #append} but skips (and reports) clips whose key is already present. */
  public AppendResult appendOrSkip(List<ClipVector> batch) {
    synchronized (writeLock) {
      return writer.append(batch, true);
    }
  }

  /**
   * Reorganises the store for the fastest search (Lucene: one segment, one HNSW graph). Worth it
   * after a bulk import; costs time proportional to the whole corpus.
   */
  public void optimize() {
    synchronized (writeLock) {
      writer.optimize();
    }
  }

  /**
   * Deletes what the store keeps outside the folder (for example an OpenSearch index) and closes
   * the corpus; the folder is the caller's to delete. For corpora being thrown away (benchmarks).
   */
  public void destroyStore() {
    synchronized (writeLock) {
      index.destroy();
    }
    close();
  }

  /** Units the store searches one after the other (Lucene segments). */
  public int segmentCount() {
    return index.stats().segments();
  }

  // ---------------------------------------------------------------- store maintenance

  /** What to tell an operator whose store copy is gone. */
  String storeMissingMessage() {
    return storeMissingFact() + "; " + reindexHint();
  }

  String storeMissingFact() {
    return "the " + manifest.store().kind() + " store of corpus " + dir() + " (" + describe(manifest.store())
        + ") has lost its copy of the " + size() + " clips (deleted?); the corpus folder still holds them all";
  }

  String reindexHint() {
    return "rebuild the copy with: va store reindex --corpus " + dir();
  }

  /**
   * {@code va store reindex}: rebuilds the store's copy from the corpus files (creating it again,
   * e.g. an OpenSearch index that was deleted), keeping what it still holds. Returns the rows indexed.
   */
  public static long reindexStore(Path dir) {
    CorpusLayout layout = CorpusLayout.of(dir);
    CorpusManifest manifest = CorpusManifest.read(layout);
    // Create the copy first, so that the corpus opens onto a store it may fill.
    try (VectorIndex created = VectorIndexes.provider(manifest.store().kind())
        .create(dir, manifest.store(), manifest.dimension(), IndexSettings.defaults())) {
      if (created.committedRows() < 0) {
        created.beginWriting();
        created.commit(0);
      }
    }
    try (Corpus corpus = open(dir)) {
      synchronized (corpus.writeLock) {
        corpus.writer.prepare();
      }
      return corpus.index.committedRows();
    }
  }

  /**
   * {@code va store move}: indexes every clip into the store {@code to} (which must not hold
   * clips already), then records it in the manifest; the old store's copy is left as it was
   * (delete it yourself once the corpus works from the new one). Moving between two Lucene
   * settings is refused: both would use the same {@code index/} folder.
   */
  public static void moveStore(Path dir, StoreSpec to) {
    VectorIndexProvider provider = VectorIndexes.provider(to.kind());
    provider.validate(to);
    try (Corpus corpus = open(dir)) {
      StoreSpec from = corpus.manifest().store();
      if (from.equals(to)) {
        throw new UserException("corpus " + dir + " already keeps its vectors in " + describe(to) + "; nothing to move");
      }
      if (from.kind().equals(StoreSpec.LUCENE) && to.kind().equals(StoreSpec.LUCENE)) {
        throw new UserException("corpus " + dir + " is in " + describe(from) + "; moving to " + describe(to)
            + " would rebuild the same index/ folder: move it to another store kind, or import into a new corpus");
      }
      if (corpus.dimension() > provider.maxDimensions()) {
        throw new UserException("the " + to.kind() + " store supports 1.." + provider.maxDimensions()
            + " dimensions; corpus " + dir + " has " + corpus.dimension());
      }
      synchronized (corpus.writeLock) {
        corpus.index.beginWriting();
        if (to.kind().equals(StoreSpec.LUCENE)) {
          // An index/ folder left from before the corpus moved away from lucene is stale.
          FileTrees.deleteTree(corpus.layout.luceneIndex());
        }
        try (VectorIndex target = provider.create(dir, to, corpus.dimension(), corpus.settings)) {
          long held = target.committedRows();
          if (held > 0) {
            throw new UserException("the " + to.kind() + " store " + target.stats().details() + " already holds "
                + held + " clips; point the move at an empty one (e.g. index=NAME) or delete that one");
          }
          target.beginWriting();
          CorpusWriter.copyRows(corpus.rows, target, corpus.size());
        }
        corpus.manifestCommitted(corpus.manifest.withStore(to, Instant.now().toString()));
        corpus.manifest.write(corpus.layout);
      }
      LOG.info("moved corpus {} ({} clips) from {} to {}", dir, corpus.size(), describe(from), describe(to));
    }
  }

  // ---------------------------------------------------------------- search

  public SearchResult search(SearchRequest request) {
    return searcher.search(request);
  }

  /** Closes the store and the files; a second call does nothing. */
  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      RuntimeException failure = null;
      for (AutoCloseable c : List.<AutoCloseable>of(searcher, index, rows)) {
        try {
          c.close();
        } catch (Exception e) {
          failure = failure == null ? new RuntimeException("closing corpus " + dir(), e) : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  @Override
  public String toString() {
    return "Corpus[" + dir() + ", " + size() + " clips, " + manifest.embedder() + ", dim " + dimension()
        + ", " + manifest.store().kind() + " store]";
  }
}
