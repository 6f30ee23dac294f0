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
    String store,
    String version,
    @JsonInclude(JsonInclude.Include.NON_NULL) Account user) {

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
        corpus.manifest().store().kind(),
        VaServer.class.getPackage().getImplementationVersion(),
        user);
  }
}
