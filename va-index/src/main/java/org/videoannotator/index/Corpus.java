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
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.lucene.LuceneTextIndex;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreProvider;
import org.videoannotator.index.store.VectorStores;

/**
 * A corpus: one folder ({@link CorpusLayout}) holding a set of clips and their L2-normalised
 * vectors, a text index for word search, and a searchable copy of the vectors in a {@link
 * VectorStore} chosen by the manifest (the Lucene index in the folder by default). Opened with
 * {@link #open(Path, CorpusOptions)}. This class is a facade: rows live in {@link ClipRows},
 * appends in {@link CorpusWriter}, searches in {@link CorpusSearcher}, named queries and the
 * ingested-video registry in their own classes; they share the manifest through one {@link
 * CorpusState}, and the store commands in {@link StoreMaintenance}.
 *
 * <p>Threads: searches and reads may run concurrently with one another and with an append; appends
 * are serialised. Processes: any number may read; one at a time may write (the write locks of the
 * text index and the store, taken at the first write and held until {@link #close}).
 */
public final class Corpus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Corpus.class);

  private final CorpusState state;
  private final ClipRows rows;
  private final NamedQueries namedQueries;
  private final VideoRegistry videos;
  private final LuceneTextIndex text;
  private final VectorStore store;
  private final CorpusWriter writer;
  private final CorpusSearcher searcher;
  private boolean closed;

  private Corpus(CorpusLayout layout, CorpusManifest manifest, CorpusOptions options) {
    this.state = new CorpusState(layout, manifest);
    // Small files first, so that a bad one fails before any channel is open.
    this.namedQueries = new NamedQueries(layout.queries(), manifest.dimension());
    this.videos = new VideoRegistry(layout.videos());
    this.rows = new ClipRows(layout, manifest.dimension(), (int) manifest.count());
    List<AutoCloseable> opened = new ArrayList<>(List.of(rows));
    try {
      this.text = LuceneTextIndex.open(layout.textIndex());
      opened.add(text);
      StoreSpec spec = manifest.store();
      this.store =
          VectorStores.provider(spec.kind())
              .open(layout.dir(), spec.with(options.storeSettings()), manifest.dimension());
    } catch (RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
    this.writer = new CorpusWriter(state, rows, List.of(text, store));
    this.searcher = new CorpusSearcher(state, rows, namedQueries, store, text, options.search());
  }

  // ---------------------------------------------------------------- opening

  /**
   * Opens the corpus in {@code dir}, creating it first when the options say so; checks its manifest
   * (and, when the options name them, its embedder, dimension and store) and recovers from an
   * interrupted append. A create that fails (an unreachable cluster, a taken index) leaves nothing
   * behind: the folder is removed if this call made it, else the files it made.
   */
  public static Corpus open(Path dir, CorpusOptions options) {
    CorpusLayout layout = CorpusLayout.of(dir);
    boolean exists = Files.exists(layout.manifest());
    if (options.mode() == CorpusOptions.Mode.CREATE && exists) {
      throw new UserException(dir + " already holds a corpus; open it, or choose another folder");
    }
    if (!exists && options.mode() != CorpusOptions.Mode.OPEN) {
      create(layout, options);
      return openExisting(layout, options);
    }
    if (options.store() != null) {
      requireStore(dir, CorpusManifest.read(layout).store(), options.store());
    }
    Corpus corpus = openExisting(layout, options);
    if (options.embedder() != null) {
      try {
        corpus.requireCompatible(options.embedder(), options.dimension());
      } catch (RuntimeException e) {
        corpus.close();
        throw e;
      }
    }
    return corpus;
  }

  /**
   * Writes an empty corpus with the options' store (checked and created first) into {@code layout}.
   */
  private static void create(CorpusLayout layout, CorpusOptions options) {
    Path dir = layout.dir();
    StoreSpec spec = options.store() == null ? StoreSpec.lucene() : options.store();
    VectorStoreProvider provider = VectorStores.provider(spec.kind());
    provider.validate(spec.with(options.storeSettings()));
    int dim = options.dimension();
    int max = provider.maxDimensions();
    if (dim < 1 || dim > max) {
      throw new UserException(
          "cannot create corpus "
              + dir
              + " for dimension "
              + dim
              + ": the "
              + spec.kind()
              + " store supports 1.."
              + max);
    }
    List<Path> made = new ArrayList<>();
    try {
      createFolders(layout, made);
      try (VectorStore fresh = provider.create(dir, spec.with(options.storeSettings()), dim)) {
        long held = fresh.committedRows();
        if (held > 0) {
          throw new UserException(
              "the "
                  + spec.kind()
                  + " store "
                  + fresh.stats().details()
                  + " already holds "
                  + held
                  + " clips, of another corpus; give this corpus its own"
                  + " (e.g. --store-param index=NAME) or delete that one");
        }
        fresh.beginWriting();
        fresh.commit(0);
      }
      try (LuceneTextIndex text = LuceneTextIndex.open(layout.textIndex())) {
        text.beginWriting();
        text.commit(0);
      }
      String now = Instant.now().toString();
      new CorpusManifest(
              CorpusManifest.FORMAT_VERSION,
              options.embedder(),
              dim,
              CorpusManifest.COSINE,
              0,
              now,
              now,
              spec)
          .write(layout);
    } catch (RuntimeException e) {
      removeQuietly(made, e);
      throw e;
    }
    LOG.info(
        "created corpus {} for {} vectors of dimension {} in the {} store",
        dir,
        options.embedder(),
        dim,
        spec.kind());
  }

  /**
   * Makes the corpus's folders and empty row files, noting (outermost first) what did not exist.
   */
  private static void createFolders(CorpusLayout layout, List<Path> made) {
    try {
      for (Path p = layout.dir().toAbsolutePath();
          p != null && !Files.exists(p);
          p = p.getParent()) {
        made.addFirst(p);
      }
      // What the store may make in the folder is noted too, so that a failed create removes it.
      for (Path p :
          List.of(
              layout.clipsDir(),
              layout.vectorsDir(),
              layout.media(),
              layout.luceneIndex(),
              layout.textIndex(),
              layout.vectors(),
              layout.keys(),
              layout.clips(),
              layout.storeLock())) {
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
      throw new UserException(
          "cannot create corpus folder " + layout.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Deletes what a failed create made (the outermost new folder with everything in it). */
  private static void removeQuietly(List<Path> made, RuntimeException failure) {
    for (Path p : made) {
      try {
        FileTrees.deleteTree(p);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void closeAll(List<AutoCloseable> opened, RuntimeException failure) {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static Corpus openExisting(CorpusLayout layout, CorpusOptions options) {
    Corpus corpus = new Corpus(layout, CorpusManifest.read(layout), options);
    try {
      corpus.recover();
      return corpus;
    } catch (RuntimeException e) {
      corpus.close();
      throw e;
    }
  }

  /**
   * Brings a text index or store that is behind the data files (deleted, from an older crash) in
   * line. A store kept elsewhere that is out of reach or lost its copy is reported, not rebuilt:
   * the corpus still opens (its files, the scan, word search); searches that need the store report
   * it until it is back.
   */
  private void recover() {
    long held;
    try {
      held = store.committedRows();
    } catch (StoreUnavailableException e) {
      if (store.rebuildsSilently()) {
        throw e;
      }
      LOG.warn("corpus {}: {}", dir(), e.getMessage());
      catchUpText();
      return;
    }
    if (held < 0 && size() > 0 && !store.rebuildsSilently()) {
      // Its copy is gone (an OpenSearch index deleted): say so; rebuilding is the operator's call.
      LOG.warn("{}", state.storeMissingMessage());
      catchUpText();
    } else if (held < size() || text.committedRows() < size()) {
      prepareWriting();
    }
  }

  private void catchUpText() {
    if (text.committedRows() < size()) {
      synchronized (state.writeLock) {
        writer.prepare(List.of(text));
      }
    }
  }

  /**
   * Takes the write locks and brings every copy in line with the manifest (see {@link
   * CorpusWriter#prepare}).
   */
  void prepareWriting() {
    synchronized (state.writeLock) {
      writer.prepare();
    }
  }

  /**
   * A store given for an existing corpus must be the one it has: another is refused, naming {@code
   * va store move}, rather than ignored.
   */
  private static void requireStore(Path dir, StoreSpec has, StoreSpec given) {
    if (has.equals(given)) {
      return;
    }
    if (has.kind().equals(StoreSpec.LUCENE) && given.kind().equals(StoreSpec.LUCENE)) {
      throw new UserException(
          "corpus "
              + dir
              + " already keeps its vectors in the store "
              + has.describe()
              + ", not "
              + given.describe()
              + "; the settings of an existing lucene store cannot change: leave out"
              + " --store, or import into a new corpus");
    }
    throw new UserException(
        "corpus "
            + dir
            + " already keeps its vectors in the store "
            + has.describe()
            + ", not "
            + given.describe()
            + "; leave out --store for an existing corpus, or move it first:"
            + " va store move --corpus "
            + dir
            + " --to "
            + given.describe());
  }

  /** Refuses vectors of another model or dimension, naming both sides. */
  public void requireCompatible(EmbedderInfo embedder, int dim) {
    CorpusManifest m = state.manifest();
    if (!m.embedder().equals(embedder) || m.dimension() != dim) {
      throw new UserException(
          "corpus "
              + dir()
              + " holds vectors of "
              + m.embedder()
              + " (dimension "
              + m.dimension()
              + ") but the caller has "
              + embedder
              + " (dimension "
              + dim
              + "); use a separate corpus per embedder");
    }
  }

  // ---------------------------------------------------------------- reading

  public Path dir() {
    return state.dir();
  }

  /** Where every file of this corpus lives (media, models, the annotation database...). */
  public CorpusLayout layout() {
    return state.layout;
  }

  public CorpusManifest manifest() {
    return state.manifest();
  }

  public EmbedderInfo embedder() {
    return state.embedder();
  }

  public int dimension() {
    return state.dimension();
  }

  /** Committed rows. */
  public int size() {
    return state.size();
  }

  /** Which store holds the searchable copy of the vectors, and what it reports about itself. */
  public IndexStats storeStats() {
    return store.stats();
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
      throw new IndexOutOfBoundsException(
          "row " + row + " of corpus " + dir() + " with " + size() + " clips");
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

  /** The stored (normalised) vector of {@code key}; an unknown key is a user error naming it. */
  public float[] vector(String key) {
    int row = rowOf(key);
    if (row < 0) {
      throw new UserException("corpus " + dir() + " has no clip '" + key + "'");
    }
    return rows.matrix(size()).row(row);
  }

  // ---------------------------------------------------------------- named queries

  /** Named query vectors (normalised), in insertion order. */
  public Map<String, float[]> namedQueries() {
    return namedQueries.all();
  }

  public Optional<float[]> namedQuery(String name) {
    return namedQueries.get(name);
  }

  /** Adds or replaces named query vectors (validated and normalised) in one atomic write. */
  public void putNamedQueries(Map<String, float[]> queries) {
    synchronized (state.writeLock) {
      namedQueries.put(queries);
    }
  }

  // ---------------------------------------------------------------- videos

  /**
   * Records that the file with {@code contentHash} was ingested as {@code video} with {@code shots}
   * clips.
   */
  public void markVideoIngested(String contentHash, String video, int shots) {
    synchronized (state.writeLock) {
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
    counts.forEach(
        (video, n) -> out.add(new VideoInfo(video, n, hashes.getOrDefault(video, List.of()))));
    return out;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Appends {@code batch}: validates every vector (dimension, finite, non-zero), normalises it, and
   * refuses the whole batch if any key is already in the corpus or repeated in the batch. Durable
   * and atomic: after it returns the rows survive a crash; if it fails or the process dies midway,
   * the corpus keeps its previous rows.
   */
  public void append(List<ClipVector> batch) {
    AppendResult result;
    synchronized (state.writeLock) {
      result = writer.append(batch, false);
    }
    if (!result.skipped().isEmpty()) {
      throw new IllegalStateException("append skipped keys " + result.skipped());
    }
  }

  /** Like {@link #append} but skips (and reports) clips whose key is already present. */
  public AppendResult appendOrSkip(List<ClipVector> batch) {
    synchronized (state.writeLock) {
      return writer.append(batch, true);
    }
  }

  /**
   * Reorganises the text index and the store for the fastest search (Lucene: one segment, one HNSW
   * graph). Worth it after a bulk import; costs time proportional to the whole corpus.
   */
  public void optimize() {
    synchronized (state.writeLock) {
      writer.optimize();
    }
  }

  /**
   * Deletes what the store keeps outside the folder (for example an OpenSearch index) and closes
   * the corpus; the folder is the caller's to delete. For corpora being thrown away (benchmarks).
   */
  public void destroyStore() {
    synchronized (state.writeLock) {
      store.destroy();
    }
    close();
  }

  // ---------------------------------------------------------------- for StoreMaintenance

  CorpusState state() {
    return state;
  }

  ClipRows rows() {
    return rows;
  }

  VectorStore store() {
    return store;
  }

  // ---------------------------------------------------------------- search

  public SearchResult search(SearchRequest request) {
    return searcher.search(request);
  }

  /** Closes the indexes and the files; a second call does nothing. */
  @Override
  public void close() {
    synchronized (state.writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      RuntimeException failure = null;
      for (AutoCloseable c : List.<AutoCloseable>of(searcher, store, text, rows)) {
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
    return "Corpus["
        + dir()
        + ", "
        + size()
        + " clips, "
        + embedder()
        + ", dim "
        + dimension()
        + ", "
        + manifest().store().kind()
        + " store]";
  }
}
