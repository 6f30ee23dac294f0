package org.videoannotator.server.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * Reads the body of {@code POST .../annotations}: one vote object, an array of them, or {@code
 * {"annotations": [...]}}. Validates the whole batch before anything is stored; each error names
 * the item's field, e.g. {@code annotations[3].value}.
 */
public final class VoteParser {
  public static final int MAX_BATCH = 10_000;

  private final Corpus corpus;

  public VoteParser(Corpus corpus) {
    this.corpus = corpus;
  }

  public List<NewVote> parse(Context ctx) {
    JsonNode body = Bodies.json(ctx);
    JsonNode items;
    if (body.isArray()) {
      items = body;
    } else if (body.isObject() && body.has("annotations")) {
      items = body.get("annotations");
      if (!items.isArray()) {
        throw ApiException.badRequest(
            "annotations", "annotations must be an array of {key, value}");
      }
    } else if (body.isObject()) {
      items = JsonNodeFactory.instance.arrayNode().add(body);
    } else {
      throw ApiException.badRequest(
          "body", "the body must be an annotation object or an array of them");
    }
    if (items.isEmpty()) {
      throw ApiException.badRequest(
          "annotations", "no annotations given; send {\"key\": ..., \"value\": \"yes\"}");
    }
    if (items.size() > MAX_BATCH) {
      throw ApiException.badRequest(
          "annotations", "at most " + MAX_BATCH + " annotations per request, got " + items.size());
    }
    List<NewVote> votes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      votes.add(vote(ctx, items.get(i), "annotations[" + i + "]"));
    }
    return votes;
  }

  private NewVote vote(Context ctx, JsonNode item, String at) {
    if (!item.isObject()) {
      throw ApiException.badRequest(
          at, at + " must be an object {key, value}, got " + item.getNodeType());
    }
    String key =
        field(item, "key", at)
            .orElseThrow(() -> ApiException.badRequest(at + ".key", at + ".key is required"));
    if (!corpus.hasKey(key)) {
      throw ApiException.notFound(
          at + ".key", "the corpus has no clip '" + Params.shorten(key) + "' (" + at + ".key)");
    }
    String valueText =
        field(item, "value", at)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        at + ".value", at + ".value is required: yes, no or unsure"));
    Value value =
        Value.parseVote(valueText)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        at + ".value",
                        at
                            + ".value must be yes, no or unsure, got '"
                            + Params.shorten(valueText)
                            + "'"));
    String annotator =
        Annotators.resolve(ctx, field(item, "annotator", at).orElse(null), at + ".annotator");
    return new NewVote(key, value, annotator, source(item.get("source"), at + ".source"));
  }

  private static Optional<String> field(JsonNode item, String name, String at) {
    try {
      return Bodies.string(item, name);
    } catch (ApiException e) {
      throw ApiException.badRequest(at + "." + name, at + "." + e.getMessage());
    }
  }

  /** Parses a {@code source} object; absent means {@code other}. */
  public static Source source(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return Source.other();
    }
    if (!node.isObject()) {
      throw ApiException.badRequest(
          at, at + " must be an object like {\"kind\": \"search\", \"query\": \"...\"}");
    }
    String kind = field(node, "kind", at).orElse("other");
    if (kind.equals("undo") || kind.equals("settle") || !Source.KINDS.contains(kind)) {
      throw ApiException.badRequest(
          at + ".kind",
          at
              + ".kind must be search, feed, review, import or other, got '"
              + Params.shorten(kind)
              + "'");
    }
    Long buildId = null;
    JsonNode b = node.get("buildId");
    if (b != null && !b.isNull()) {
      if (!b.canConvertToLong() || !b.isIntegralNumber()) {
        throw ApiException.badRequest(at + ".buildId", at + ".buildId must be an integer");
      }
      buildId = b.asLong();
    }
    return new Source(
        kind,
        limit(field(node, "query", at).orElse(null)),
        limit(field(node, "feed", at).orElse(null)),
        buildId,
        limit(field(node, "format", at).orElse(null)));
  }

  /** Context strings are kept, but not without bound. */
  private static String limit(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
