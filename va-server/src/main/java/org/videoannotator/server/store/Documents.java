package org.videoannotator.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.videoannotator.core.Json;

/**
 * The JSON documents the store keeps in text columns (build status, training sets, model
 * summaries): written from the callers' records, read back as records or trees. A document that no
 * longer parses is a damaged database, not a client error.
 */
public final class Documents {
  private Documents() {}

  static String json(Object document) {
    try {
      return Json.mapper().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
    }
  }

  /** {@code json} as a {@code type}; damaged JSON is an {@link IllegalStateException} naming it. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "corrupt " + type.getSimpleName() + " JSON in annotations.db: " + json, e);
    }
  }

  /** {@code json} as a tree. */
  public static JsonNode tree(String json) {
    return read(json, JsonNode.class);
  }
}
