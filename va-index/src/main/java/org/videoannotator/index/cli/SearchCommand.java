package org.videoannotator.index.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.SearchHit;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.SearchResult;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.index.TextEncoderProvider;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va search}: text-to-video, by-example, named-query, full-text and hybrid search. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search a corpus by text, words, a named query or example clips.",
      "",
      "One vector query (--text, --query or --like), words (--words), or both",
      "(hybrid: reciprocal rank fusion). Prints [{\"key\",\"score\",...metadata}] with --json,",
      "else a table. Vector scores are exact cosine similarities."
    })
public final class SearchCommand implements VaSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SearchCommand.class);

  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  VectorSource vector;

  static final class VectorSource {
    @Option(
        names = "--text",
        paramLabel = "Q",
        description = "Words encoded by the corpus's text encoder.")
    String text;

    @Option(
        names = "--query",
        paramLabel = "NAME",
        description = "A named query vector of the corpus.")
    String query;

    @Option(
        names = "--like",
        paramLabel = "KEY",
        split = ",",
        description = "Clips like these (their centroid).")
    List<String> like;
  }

  @Option(
      names = "--words",
      paramLabel = "Q",
      description = "Full-text words over title and text (English stemming).")
  String words;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Hits to print (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--offset",
      defaultValue = "0",
      description = "Hits to skip first (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--video",
      paramLabel = "V",
      split = ",",
      description = "Only clips of these videos.")
  List<String> videos = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "KEY", split = ",", description = "Never these clips.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    if (vector == null && (words == null || words.isBlank())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give a query: --text, --query, --like and/or --words");
    }
    if (k < 1 || k > SearchRequest.MAX_K || offset < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--k must be in 1.." + SearchRequest.MAX_K + " and --offset >= 0");
    }
    Settings.log(
        LOG,
        "search",
        "corpus",
        corpus,
        "text",
        vector == null ? null : vector.text,
        "query",
        vector == null ? null : vector.query,
        "like",
        vector == null ? null : vector.like,
        "words",
        words,
        "k",
        k,
        "offset",
        offset,
        "videos",
        videos,
        "exclude",
        exclude);
    try (Corpus c = Corpus.open(corpus, CorpusOptions.existing())) {
      SearchRequest.Builder request =
          SearchRequest.builder()
              .k(k)
              .offset(offset)
              .videos(videos)
              .excludeKeys(exclude)
              .words(words == null ? "" : words);
      TextEncoder encoder = null;
      try {
        if (vector != null && vector.text != null) {
          encoder =
              TextEncoderProvider.find(c)
                  .orElseThrow(
                      () ->
                          new UserException(
                              "cannot search "
                                  + corpus
                                  + " by --text: "
                                  + TextEncoderProvider.missingMessage(c.embedder())
                                  + namedQueryHint(c)));
          request.text(vector.text, encoder);
        } else if (vector != null && vector.query != null) {
          request.namedQuery(vector.query);
        } else if (vector != null) {
          request.like(vector.like);
        }
        SearchResult result = c.search(request.build());
        result.notes().forEach(note -> spec.commandLine().getErr().println("va search: " + note));
        print(result, spec.commandLine().getOut());
      } finally {
        if (encoder instanceof AutoCloseable closeable) {
          try {
            closeable.close();
          } catch (Exception e) {
            LOG.warn("closing text encoder: {}", e.toString());
          }
        }
      }
    }
    return 0;
  }

  /** Released data sets carry text embeddings of their labels: point the user at them. */
  private static String namedQueryHint(Corpus c) {
    if (c.namedQueries().isEmpty()) {
      return "";
    }
    return "; or use a stored text embedding: --query NAME ("
        + c.namedQueries().size()
        + " here, e.g. '"
        + c.namedQueries().keySet().iterator().next()
        + "')";
  }

  private void print(SearchResult result, PrintWriter out) throws JsonProcessingException {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SearchHit hit : result.hits()) {
        rows.add(jsonRow(hit));
      }
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      out.printf(
          "%4s  %-9s  %-28s  %-16s  %-17s  %s%n", "rank", "score", "key", "video", "time", "text");
      int rank = offset;
      for (SearchHit hit : result.hits()) {
        Clip clip = hit.clip();
        out.printf(
            "%4d  %-9.6f  %-28s  %-16s  %8.2f-%-8.2f  %s%n",
            ++rank,
            hit.score(),
            cut(hit.key(), 28),
            cut(clip.video(), 16),
            clip.start(),
            clip.end(),
            cut(clip.text(), 60));
      }
      out.printf("%d hit(s), %s search%n", result.hits().size(), result.mode());
    }
    out.flush();
  }

  /** {"key","score", then the clip's metadata} in a stable order. */
  static Map<String, Object> jsonRow(SearchHit hit) {
    Clip clip = hit.clip();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", hit.key());
    row.put("score", hit.score());
    row.put("video", clip.video());
    row.put("source", clip.source());
    row.put("title", clip.title());
    row.put("start", clip.start());
    row.put("end", clip.end());
    row.put("frameIn", clip.frameIn());
    row.put("frameOut", clip.frameOut());
    row.put("fps", clip.fps());
    row.put("cluster", clip.cluster());
    row.put("text", clip.text());
    row.put("extra", clip.extra());
    return row;
  }

  private static String cut(String s, int width) {
    String flat = s.replace('\n', ' ');
    return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
  }
}
