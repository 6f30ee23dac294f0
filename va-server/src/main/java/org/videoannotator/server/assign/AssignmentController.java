package org.videoannotator.server.assign;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Permission;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Assignment;

/**
 * {@code /api/labels/{label}/assignment} (read, change) and {@code /api/labels/{label}/taken} (the
 * clips teammates took since a cursor): HTTP in and out of {@link AssignmentService} and {@link
 * TakenClips}.
 */
public final class AssignmentController {
  private final LabelService labels;
  private final AssignmentService assignments;
  private final TakenClips taken;

  public AssignmentController(
      LabelService labels, AssignmentService assignments, TakenClips taken) {
    this.labels = labels;
    this.assignments = assignments;
    this.taken = taken;
  }

  public void get(Context ctx) {
    ctx.json(assignments.get(labels.require(ctx.pathParam("label")).name()));
  }

  public void update(Context ctx) {
    String label = labels.require(ctx.pathParam("label")).name();
    Permission.ASSIGN_LABEL.require(ctx);
    JsonNode body = Bodies.object(ctx);
    Integer overlap = Bodies.integer(body, "overlap", 1, Assignment.MAX_OVERLAP).orElse(null);
    var assignees = Bodies.strings(body, "assignees", true).orElse(null);
    ctx.json(assignments.update(label, overlap, assignees, Principal.actor(ctx, "local")));
  }

  public void taken(Context ctx) {
    String label = labels.require(ctx.pathParam("label")).name();
    long after = Params.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
    ctx.json(taken.since(label, Annotators.resolve(ctx, null, "annotator"), after));
  }
}
