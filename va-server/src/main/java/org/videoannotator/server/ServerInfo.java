package org.videoannotator.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.learn.feeds.FeedRegistry;

/**
 * {@code GET /api/info}: what the UI needs to know of the corpus and the server before anything
 * else.
 *
 * @param feeds the feeds served, in the order the UI shows them (one tab each)
 * @param rebuildEvery labels after which the UI rebuilds the model by itself ({@link
 *     #REBUILD_EVERY}; the editor can turn it off)
 * @param user the logged-in account; left out of the JSON when there are no accounts
 */
public record ServerInfo(
    int clips,
    int dim,
    EmbedderInfo embedder,
    boolean textSearch,
    boolean authRequired,
    Set<String> namedQueries,
    List<FeedRegistry.FeedInfo> feeds,
    int rebuildEvery,
    String store,
    String version,
    @JsonInclude(JsonInclude.Include.NON_NULL) Account user) {

  /**
   * Feeds drawn from a model that has seen the last 10 answers rather than the last 25 need fewer
   * labels for the same AP: with {@code va bench loop --batch 10} the default policy gained over
   * {@code combined} +7.9 AP points at 200 labels and +11.7 at 500 on gen0 (+2.4 and +7.3 at 25),
   * and saved 30 and 151 labels at 200 and 500 on gen1 (-15 and +65 at 25); see
   * va-server/bench/loop/trials. A build takes well under a second at 20k clips, so the UI runs it
   * in the background and keeps the page on screen.
   */
  public static final int REBUILD_EVERY = 10;

  /** The account of the request. */
  public record Account(String name, String role) {}

  static ServerInfo of(Corpus corpus, boolean textSearch, boolean authRequired, Account user) {
    return new ServerInfo(
        corpus.size(),
        corpus.dimension(),
        corpus.embedder(),
        textSearch,
        authRequired,
        corpus.namedQueries().keySet(),
        FeedRegistry.servable(),
        REBUILD_EVERY,
        corpus.manifest().store().kind(),
        VaServer.class.getPackage().getImplementationVersion(),
        user);
  }
}
