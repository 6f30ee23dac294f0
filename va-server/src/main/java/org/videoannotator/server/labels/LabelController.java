package org.videoannotator.server.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.videoannotator.server.auth.Principal;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.DuplicateLabelException;
import org.videoannotator.server.store.Label;

/** Labels: list, create, read, change, delete, and import of the released ontology. */
public final class LabelController {
  private final AnnotationStore store;
  private final BuildService builds;

  public LabelController(AnnotationStore store, BuildService builds) {
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels", this::list);
    r.post("/api/labels", this::create);
    r.post("/api/labels/import", this::importOntology);
    r.get("/api/labels/{label}", ctx -> ctx.json(view(require(store, ctx))));
    r.patch("/api/labels/{label}", this::update);
    r.delete("/api/labels/{label}", this::delete);
  }

  /** The live label named by the {@code label} path parameter, or 404. */
  public static Label require(AnnotationStore store, Context ctx) {
    String name = ctx.pathParam("label");
    return store.label(name).orElseThrow(() -> ApiException.notFound("label",
        "no label '" + org.videoannotator.server.api.Params.shorten(name) + "'; create it with POST /api/labels"));
  }

  private void list(Context ctx) {
    ctx.json(store.labels().stream().map(this::view).toList());
  }

  private void create(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    String name = LabelNames.check("name", Bodies.requiredString(body, "name"));
    String description = Bodies.string(body, "description").orElse("");
    List<String> keywords = Bodies.strings(body, "keywords", true).orElse(List.of());
    ctx.status(201).json(view(store.createLabel(name, description, keywords)));
  }

  private void update(Context ctx) {
    Label label = require(store, ctx);
    JsonNode body = Bodies.object(ctx);
    String description = Bodies.string(body, "description").orElse(null);
    List<String> keywords = Bodies.strings(body, "keywords", true).orElse(null);
    Label updated = store.updateLabel(label.name(), description, keywords)
        .orElseThrow(() -> ApiException.notFound("label", "label '" + label.name() + "' was deleted meanwhile"));
    ctx.json(view(updated));
  }

  private void delete(Context ctx) {
    Label label = require(store, ctx);
    Principal.requireAdmin(ctx, "delete a label");
    builds.cancel(label.name());
    store.deleteLabel(label.name());
    store.users().audit(Principal.actor(ctx, "local"), "label-deleted", label.name());
    ctx.json(Map.of("deleted", label.name()));
  }

  /** Body: {@code {"name": {"description": "...", "keywords": "A, B"}, ...}} (task_descriptions.json). */
  private void importOntology(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    // Validate everything first so a bad entry creates nothing.
    record Entry(String name, String description, List<String> keywords) {}
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String field = "body." + e.getKey();
      String name = LabelNames.check(field, e.getKey());
      if (!e.getValue().isObject()) {
        throw ApiException.badRequest(field, field + " must be an object with description and keywords");
      }
      entries.add(new Entry(name, Bodies.string(e.getValue(), "description").orElse(""),
          Bodies.strings(e.getValue(), "keywords", true).orElse(List.of())));
    }
    for (Entry e : entries) {
      try {
        store.createLabel(e.name(), e.description(), e.keywords());
        created.add(e.name());
      } catch (DuplicateLabelException dup) {
        existing.add(e.name());
      }
    }
    ctx.status(201).json(Map.of("created", created, "existing", existing));
  }

  private LabelView view(Label label) {
    return LabelView.of(label, Counts.of(store.current(label.name())), builds.latestSummary(label.name()));
  }
}
