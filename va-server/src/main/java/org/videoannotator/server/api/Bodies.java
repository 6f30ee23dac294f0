package org.videoannotator.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoannotator.core.Json;

/** Reads and checks JSON request bodies; every failure is a 400 naming the field. */
public final class Bodies {
  private Bodies() {}

  /** The body as a JSON tree; an empty body gives an empty object. */
  public static JsonNode json(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node == null ? Json.mapper().createObjectNode() : node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "body", "the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The body as a JSON object. */
  public static JsonNode object(Context ctx) {
    JsonNode node = json(ctx);
    if (!node.isObject()) {
      throw ApiException.badRequest(
          "body", "the request body must be a JSON object, got " + node.getNodeType());
    }
    return node;
  }

  /** An optional string field; present but not a string is a 400. */
  public static Optional<String> string(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(field, field + " must be a string, got " + v.getNodeType());
    }
    return Optional.of(v.asText());
  }

  /** A required string field. */
  public static String requiredString(JsonNode obj, String field) {
    return string(obj, field)
        .orElseThrow(() -> ApiException.badRequest(field, field + " is required (a string)"));
  }

  /** An optional integer field in {@code [min, max]}. */
  public static Optional<Integer> integer(JsonNode obj, String field, int min, int max) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw ApiException.badRequest(
          field, field + " must be an integer, got " + Params.shorten(v.toString()));
    }
    int n = v.asInt();
    if (n < min || n > max) {
      throw ApiException.badRequest(
          field, field + " must be in " + min + ".." + max + ", got " + n);
    }
    return Optional.of(n);
  }

  /** An optional array of strings (or, when {@code commaString}, one comma-separated string). */
  public static Optional<List<String>> strings(JsonNode obj, String field, boolean commaString) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual() && commaString) {
      for (String part : v.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return Optional.of(out);
    }
    if (!v.isArray()) {
      throw ApiException.badRequest(
          field, field + " must be an array of strings, got " + v.getNodeType());
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual()) {
        throw ApiException.badRequest(
            field, field + "[" + i + "] must be a string, got " + item.getNodeType());
      }
      out.add(item.asText());
    }
    return Optional.of(out);
  }
}
