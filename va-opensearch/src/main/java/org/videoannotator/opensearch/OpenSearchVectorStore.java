package org.videoannotator.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.index.store.VectorStore;

/**
 * The {@code opensearch} {@link VectorStore}: one OpenSearch index per corpus, one document per
 * clip ({@code _id} = clip key, so re-indexing a row is idempotent) with its row, key and video
 * (keywords) and vector ({@code knn_vector}, k-NN plugin's {@code lucene} engine, inner product on
 * unit vectors = cosine). Filters run inside the k-NN search (the lucene engine's efficient
 * filtering). Word search is not the store's: the corpus's text index answers it in the corpus
 * folder, so it keeps working while the cluster is down (indexes made before that also hold title
 * and text, unused).
 *
 * <p>Commits: added clips are buffered and sent by {@link #commit} in bounded bulk requests, the
 * index is refreshed, and only then is the committed row count written to the index's mapping
 * metadata ({@code _meta.va_rows}). Searches are always limited to rows below the corpus's count,
 * so documents of a commit that died midway are never returned, and the corpus's recovery deletes
 * them ({@link #deleteRowsFrom}). Single writer: a lock file in the corpus folder.
 */
final class OpenSearchVectorStore implements VectorStore {
  /** Documents per bulk request: bounded, so a large import never builds one huge request. */
  static final int BULK_DOCS = 500;

  private final OpenSearchHttp http;

  /** The same cluster with the short, interactive retry budget: searches answer within seconds. */
  private final OpenSearchHttp searchHttp;

  private final String index;
  private final int dimension;
  private final Path lockFile;
  private final List<String> pending = new ArrayList<>();
  private FileChannel lockChannel;
  private FileLock lock;

  OpenSearchVectorStore(
      OpenSearchHttp http, OpenSearchHttp searchHttp, String index, int dimension, Path lockFile) {
    this.http = http;
    this.searchHttp = searchHttp;
    this.index = index;
    this.dimension = dimension;
    this.lockFile = lockFile;
  }

  String path(String suffix) {
    return "/" + URLEncoder.encode(index, StandardCharsets.UTF_8) + suffix;
  }

  /** The index's mapping metadata, or null when the index does not exist. */
  private JsonNode meta() {
    OpenSearchHttp.Reply reply = searchHttp.get(path("/_mapping"));
    if (reply.status() == 404) {
      return null;
    }
    http.require(reply, "read the mapping of index '" + index + "'");
    JsonNode meta = reply.json().path(index).path("mappings").path("_meta");
    return meta.isMissingNode() ? Json.mapper().createObjectNode() : meta;
  }

  /**
   * Checks an existing index holds vectors of this dimension compared by inner product (else a user
   * error names both sides); a missing one is left missing, and an unreachable cluster is left for
   * the first search to report, so that a corpus (and a server) opens while the cluster is down.
   */
  void checkIfPresent() {
    OpenSearchHttp.Reply existing;
    try {
      existing = searchHttp.get(path("/_mapping"));
    } catch (StoreUnavailableException e) {
      LoggerFactory.getLogger(OpenSearchVectorStore.class).warn("{}", e.getMessage());
      return;
    }
    if (existing.ok()) {
      checkMapping(existing);
    }
  }

  /**
   * Creates the index if absent; an existing one must hold vectors of this dimension compared by
   * inner product, else a user error names both sides.
   */
  void createOrCheck(int shards, int replicas, int m, int efConstruction) {
    OpenSearchHttp.Reply existing = http.get(path("/_mapping"));
    if (existing.ok()) {
      checkMapping(existing);
      return;
    }
    createIndex(existing, shards, replicas, m, efConstruction);
  }

  private void checkMapping(OpenSearchHttp.Reply existing) {
    JsonNode vector =
        existing.json().path(index).path("mappings").path("properties").path("vector");
    int dim = vector.path("dimension").asInt(-1);
    String space =
        vector.path("method").path("space_type").asText(vector.path("space_type").asText(""));
    if (dim != dimension || !space.equals("innerproduct")) {
      throw new UserException(
          "OpenSearch index '"
              + index
              + "' at "
              + http.url()
              + " holds vectors of dimension "
              + dim
              + " compared by '"
              + space
              + "', but this corpus has dimension "
              + dimension
              + " compared by 'innerproduct' (cosine on unit vectors); point the corpus at another index"
              + " (--store-param index=NAME) or delete that one");
    }
  }

  private void createIndex(
      OpenSearchHttp.Reply existing, int shards, int replicas, int m, int efConstruction) {
    if (existing.status() != 404) {
      http.require(existing, "read the mapping of index '" + index + "'");
    }
    Map<String, Object> body =
        Map.of(
            "settings",
                Map.of(
                    "index",
                    Map.of(
                        "knn", true, "number_of_shards", shards, "number_of_replicas", replicas)),
            "mappings",
                Map.of(
                    "_meta", Map.of("va_rows", 0),
                    "properties",
                        Map.of(
                            "key", Map.of("type", "keyword"),
                            "row", Map.of("type", "integer"),
                            "video", Map.of("type", "keyword"),
                            "vector",
                                Map.of(
                                    "type",
                                    "knn_vector",
                                    "dimension",
                                    dimension,
                                    "method",
                                    Map.of(
                                        "name",
                                        "hnsw",
                                        "engine",
                                        "lucene",
                                        "space_type",
                                        "innerproduct",
                                        "parameters",
                                        Map.of("m", m, "ef_construction", efConstruction))))));
    OpenSearchHttp.Reply created = http.put(path(""), body);
    if (!created.ok() && !created.body().contains("resource_already_exists_exception")) {
      http.require(created, "create index '" + index + "'");
    }
  }

  @Override
  public synchronized void beginWriting() {
    if (lock != null) {
      return;
    }
    try {
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
    if (lock == null) {
      closeLock();
      throw new UserException(
          lockFile.getParent()
              + ": the corpus is being written by another process (lock "
              + lockFile
              + "); wait for it to finish");
    }
  }

  @Override
  public synchronized void add(List<IndexedClip> clips) {
    for (IndexedClip c : clips) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("key", c.clip().key());
      doc.put("row", c.row());
      doc.put("video", c.clip().video());
      doc.put("vector", c.vector());
      try {
        pending.add(
            Json.mapper()
                    .writeValueAsString(
                        Map.of("index", Map.of("_index", index, "_id", c.clip().key())))
                + "\n"
                + Json.mapper().writeValueAsString(doc)
                + "\n");
      } catch (IOException e) {
        throw new IllegalStateException("cannot serialise clip " + c.clip().key(), e);
      }
    }
  }

  @Override
  public synchronized void commit(long rows) {
    for (int from = 0; from < pending.size(); from += BULK_DOCS) {
      sendBulk(pending.subList(from, Math.min(pending.size(), from + BULK_DOCS)));
    }
    pending.clear();
    http.require(http.post(path("/_refresh"), null), "refresh index '" + index + "'");
    setRows(rows);
  }

  /** Sends one bulk request; items refused for back-pressure (429) are sent again. */
  private void sendBulk(List<String> lines) {
    List<String> todo = lines;
    for (int attempt = 0; !todo.isEmpty(); attempt++) {
      OpenSearchHttp.Reply reply =
          http.require(http.bulk(String.join("", todo)), "index " + todo.size() + " clips");
      if (!reply.json().path("errors").asBoolean(false)) {
        return;
      }
      List<String> again = new ArrayList<>();
      JsonNode items = reply.json().path("items");
      for (int i = 0; i < items.size(); i++) {
        JsonNode result = items.get(i).path("index");
        int status = result.path("status").asInt();
        if (status == 429 || status == 503) {
          again.add(todo.get(i));
        } else if (status >= 300) {
          throw new UserException(
              "OpenSearch at "
                  + http.url()
                  + " refused clip '"
                  + result.path("_id").asText()
                  + "' of index '"
                  + index
                  + "': "
                  + OpenSearchHttp.shorten(result.path("error").toString()));
        }
      }
      if (attempt > 20) {
        throw new UserException(
            "OpenSearch at "
                + http.url()
                + " kept refusing "
                + again.size()
                + " clips for lack of capacity (HTTP 429); retry later or give the cluster more nodes");
      }
      sleepBackoff(attempt);
      todo = again;
    }
  }

  private static void sleepBackoff(int attempt) {
    try {
      Thread.sleep(Math.min(5_000, 100L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while indexing into OpenSearch", e);
    }
  }

  private void setRows(long rows) {
    http.require(
        http.put(path("/_mapping"), Map.of("_meta", Map.of("va_rows", rows))),
        "record the committed rows of index '" + index + "'");
  }

  /** A deleted index is reported and rebuilt only by {@code va store reindex}. */
  @Override
  public boolean rebuildsSilently() {
    return false;
  }

  @Override
  public long committedRows() {
    JsonNode meta = meta();
    return meta == null ? -1 : meta.path("va_rows").asLong(-1);
  }

  @Override
  public synchronized void deleteRowsFrom(long rows) {
    http.require(
        http.post(
            path("/_delete_by_query?refresh=true&conflicts=proceed"),
            Map.of("query", Map.of("range", Map.of("row", Map.of("gte", rows))))),
        "delete rows from " + rows + " of index '" + index + "'");
    setRows(rows);
  }

  @Override
  public synchronized void discardUncommitted() {
    pending.clear();
  }

  /** The filter as an OpenSearch bool query, always limited to committed rows. */
  private static Map<String, Object> filter(ClipFilter filter, int rowLimit) {
    List<Object> must = new ArrayList<>();
    must.add(Map.of("range", Map.of("row", Map.of("lt", rowLimit))));
    if (!filter.videos().isEmpty()) {
      must.add(Map.of("terms", Map.of("video", filter.videos())));
    }
    if (!filter.includeKeys().isEmpty()) {
      must.add(Map.of("terms", Map.of("key", filter.includeKeys())));
    }
    Map<String, Object> bool = new LinkedHashMap<>();
    bool.put("filter", must);
    if (!filter.excludeKeys().isEmpty()) {
      bool.put("must_not", List.of(Map.of("terms", Map.of("key", filter.excludeKeys()))));
    }
    return Map.of("bool", bool);
  }

  @Override
  public List<RowScore> nearest(float[] query, int n, ClipFilter filter, int rowLimit) {
    Map<String, Object> knn =
        Map.of("vector", Map.of("vector", query, "k", n, "filter", filter(filter, rowLimit)));
    return search(
        Map.of(
            "size",
            n,
            "_source",
            false,
            "docvalue_fields",
            List.of("row"),
            "query",
            Map.of("knn", knn)));
  }

  private List<RowScore> search(Map<String, Object> body) {
    JsonNode hits =
        requireIndex(searchHttp.post(path("/_search"), body), "search index '" + index + "'")
            .json()
            .path("hits")
            .path("hits");
    List<RowScore> out = new ArrayList<>(hits.size());
    for (JsonNode hit : hits) {
      out.add(
          new RowScore(
              hit.path("fields").path("row").get(0).asInt(),
              (float) hit.path("_score").asDouble()));
    }
    return out;
  }

  /**
   * Like {@link OpenSearchHttp#require}, but an index that is gone (deleted behind the corpus's
   * back) is reported as such, with the command that rebuilds it.
   */
  private OpenSearchHttp.Reply requireIndex(OpenSearchHttp.Reply reply, String what) {
    if (reply.status() == 404
        && reply.body() != null
        && reply.body().contains("index_not_found_exception")) {
      Path corpus = lockFile.getParent();
      throw new StoreUnavailableException(
          "the OpenSearch index '"
              + index
              + "' at "
              + http.url()
              + " of corpus "
              + corpus
              + " is gone (deleted?); the corpus folder still holds every clip",
          "rebuild the index with: va store reindex --corpus " + corpus,
          null);
    }
    return searchHttp.require(reply, what);
  }

  @Override
  public void optimize(long rows) {
    http.require(
        http.post(path("/_forcemerge?max_num_segments=1"), null), "merge index '" + index + "'");
    http.require(http.post(path("/_refresh"), null), "refresh index '" + index + "'");
  }

  @Override
  public IndexStats stats() {
    JsonNode stats =
        requireIndex(
                searchHttp.get(path("/_stats/docs,store")),
                "read the stats of index '" + index + "'")
            .json();
    JsonNode primaries = stats.path("indices").path(index).path("primaries");
    JsonNode settings =
        requireIndex(
                searchHttp.get(path("/_settings")), "read the settings of index '" + index + "'")
            .json()
            .path(index)
            .path("settings")
            .path("index");
    return new IndexStats(
        OpenSearchVectorStoreProvider.KIND,
        Math.max(0, committedRows()),
        dimension,
        "innerproduct",
        settings.path("number_of_shards").asInt(),
        primaries.path("store").path("size_in_bytes").asLong(-1),
        Map.of(
            "url",
            http.url(),
            "index",
            index,
            "replicas",
            settings.path("number_of_replicas").asText(),
            "documents",
            primaries.path("docs").path("count").asText()));
  }

  @Override
  public synchronized void destroy() {
    pending.clear();
    OpenSearchHttp.Reply reply = http.delete(path(""));
    if (reply.status() != 404) {
      http.require(reply, "delete index '" + index + "'");
    }
  }

  @Override
  public synchronized void close() {
    pending.clear();
    closeLock();
  }

  private void closeLock() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException ignored) {
      // releasing a lock of a closing corpus: nothing to recover
    } finally {
      lock = null;
      lockChannel = null;
    }
  }
}
