package org.videoannotator.index;

import java.util.Map;
import java.util.Objects;
import org.videoannotator.index.store.StoreSpec;

/**
 * How {@link Corpus#open} finds or makes a corpus: whether it may or must create one, what vectors
 * it must hold, which store a new one uses, and the settings of this opening. Start from {@link
 * #existing()}, {@link #expecting}, {@link #create} or {@link #openOrCreate}, then adjust with the
 * {@code with...} methods.
 *
 * @param mode open an existing corpus, create a new one, or either
 * @param embedder the model its vectors must come from (null: any, only when opening)
 * @param dimension the vectors' length (0: any, only when opening)
 * @param store the store of a new corpus (null: {@code lucene}); given for an existing corpus, it
 *     must be the one the corpus has (another is refused, naming {@code va store move})
 * @param storeSettings settings of this opening laid over the manifest's store settings and not
 *     recorded (e.g. lucene's {@code m=32}: the graph of segments written now); the store's
 *     provider parses them
 * @param search how many candidates searches gather from the store
 */
public record CorpusOptions(
    Mode mode,
    EmbedderInfo embedder,
    int dimension,
    StoreSpec store,
    Map<String, String> storeSettings,
    SearchSettings search) {

  /** Whether the corpus must exist, must not, or either. */
  public enum Mode {
    OPEN,
    CREATE,
    OPEN_OR_CREATE
  }

  public CorpusOptions {
    Objects.requireNonNull(mode, "mode");
    if (mode != Mode.OPEN && (embedder == null || dimension < 1)) {
      throw new IllegalArgumentException("creating a corpus needs its embedder and dimension");
    }
    storeSettings = Map.copyOf(storeSettings);
    search = search == null ? SearchSettings.defaults() : search;
  }

  /** Opens the corpus there is, whatever its vectors. */
  public static CorpusOptions existing() {
    return new CorpusOptions(Mode.OPEN, null, 0, null, Map.of(), null);
  }

  /**
   * Opens the corpus there is; vectors of another model or dimension are a user error naming both.
   */
  public static CorpusOptions expecting(EmbedderInfo embedder, int dimension) {
    return new CorpusOptions(
        Mode.OPEN, Objects.requireNonNull(embedder), dimension, null, Map.of(), null);
  }

  /** Creates a corpus (the folder must not hold one) for vectors of {@code embedder}. */
  public static CorpusOptions create(EmbedderInfo embedder, int dimension) {
    return new CorpusOptions(Mode.CREATE, embedder, dimension, null, Map.of(), null);
  }

  /** Opens the corpus if there is one (checking its vectors match), else creates it. */
  public static CorpusOptions openOrCreate(EmbedderInfo embedder, int dimension) {
    return new CorpusOptions(Mode.OPEN_OR_CREATE, embedder, dimension, null, Map.of(), null);
  }

  public CorpusOptions withStore(StoreSpec newStore) {
    return new CorpusOptions(mode, embedder, dimension, newStore, storeSettings, search);
  }

  public CorpusOptions withStoreSettings(Map<String, String> settings) {
    return new CorpusOptions(mode, embedder, dimension, store, settings, search);
  }

  public CorpusOptions withSearch(SearchSettings newSearch) {
    return new CorpusOptions(mode, embedder, dimension, store, storeSettings, newSearch);
  }
}
