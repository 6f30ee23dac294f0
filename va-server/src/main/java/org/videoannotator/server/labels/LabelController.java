package org.videoannotator.server.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.auth.Permission;
import org.videoannotator.server.auth.Principal;

/**
 * Labels over HTTP: list, create, read, change, delete, import of the ontology ({@link
 * LabelService}).
 */
public final class LabelController {
  private final LabelService labels;

  public LabelController(LabelService labels) {
    this.labels = labels;
  }

  public void list(Context ctx) {
    ctx.json(labels.list());
  }

  public void get(Context ctx) {
    ctx.json(labels.get(ctx.pathParam("label")));
  }

  public void create(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    String name = LabelNames.check("name", Bodies.requiredString(body, "name"));
    if (labels.isDeleted(name)) {
      Permission.REVIVE_LABEL.require(ctx);
    }
    ctx.status(201)
        .json(
            labels.create(
                new LabelService.LabelDraft(
                    name,
                    Bodies.string(body, "description").orElse(""),
                    Bodies.strings(body, "keywords", true).orElse(List.of())),
                Principal.actor(ctx, "local")));
  }

  public void update(Context ctx) {
    String name = labels.require(ctx.pathParam("label")).name();
    Permission.EDIT_LABEL.require(ctx);
    JsonNode body = Bodies.object(ctx);
    String description = Bodies.string(body, "description").orElse(null);
    List<String> keywords = Bodies.strings(body, "keywords", true).orElse(null);
    ctx.json(labels.update(name, description, keywords, Principal.actor(ctx, "local")));
  }

  public void delete(Context ctx) {
    String name = labels.require(ctx.pathParam("label")).name();
    Permission.DELETE_LABEL.require(ctx);
    ctx.json(labels.delete(name, Principal.actor(ctx, "local")));
  }

  /**
   * Body: {@code {"name": {"description": "...", "keywords": "A, B"}, ...}}
   * (task_descriptions.json).
   */
  public void importOntology(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    // Validate everything first so a bad entry creates nothing.
    List<LabelService.LabelDraft> drafts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String field = "body." + e.getKey();
      String name = LabelNames.check(field, e.getKey());
      if (!e.getValue().isObject()) {
        throw ApiException.badRequest(
            field, field + " must be an object with description and keywords");
      }
      drafts.add(
          new LabelService.LabelDraft(
              name,
              Bodies.string(e.getValue(), "description").orElse(""),
              Bodies.strings(e.getValue(), "keywords", true).orElse(List.of())));
    }
    ctx.status(201).json(labels.importOntology(drafts));
  }
}
