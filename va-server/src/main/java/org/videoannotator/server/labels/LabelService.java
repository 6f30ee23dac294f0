package org.videoannotator.server.labels;

import java.util.ArrayList;
import java.util.List;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.DuplicateLabelException;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.UnknownLabelException;

/**
 * Labels as a feature: look one up (every feature that works on a label starts here), list, create,
 * change, delete, and import the released ontology. No HTTP: {@link LabelController} parses and
 * answers.
 */
public final class LabelService {
  /** A label to create: name checked by {@link LabelNames#check}, keywords already split. */
  public record LabelDraft(String name, String description, List<String> keywords) {}

  /** What an ontology import did: names created, names that already existed. */
  public record OntologyImport(List<String> created, List<String> existing) {}

  /** The answer to a delete. */
  public record Deleted(String deleted) {}

  private final AnnotationStore store;
  private final LabelBuilds builds;

  public LabelService(AnnotationStore store, LabelBuilds builds) {
    this.store = store;
    this.builds = builds;
  }

  /**
   * The live label named {@code name}. @throws DomainException not found (the one wording of a
   * missing label)
   */
  public Label require(String name) {
    return store
        .label(name)
        .orElseThrow(() -> DomainException.notFound("label", UnknownLabelException.message(name)));
  }

  public List<LabelView> list() {
    return store.labels().stream().map(this::view).toList();
  }

  public LabelView get(String name) {
    return view(require(name));
  }

  /** Whether creating {@code name} would revive a deleted label (and its history). */
  public boolean isDeleted(String name) {
    return store.isDeletedLabel(name);
  }

  /**
   * @throws DuplicateLabelException when a live label has the name
   */
  public LabelView create(LabelDraft draft) {
    return create(draft, null);
  }

  /** As above; reviving a deleted label is audited under {@code actor}. */
  public LabelView create(LabelDraft draft, String actor) {
    boolean revives = store.isDeletedLabel(draft.name());
    Label label = store.createLabel(draft.name(), draft.description(), draft.keywords());
    if (revives) {
      store.users().audit(actor == null ? "local" : actor, "label-revived", label.name());
    }
    return view(label);
  }

  /**
   * Changes what is given (null keeps the description or keywords), audited under {@code actor}.
   */
  public LabelView update(String name, String description, List<String> keywords, String actor) {
    Label label = require(name);
    Label updated =
        store
            .updateLabel(label.name(), description, keywords)
            .orElseThrow(
                () ->
                    DomainException.notFound("label", UnknownLabelException.message(label.name())));
    store
        .users()
        .audit(
            actor,
            "label-edited",
            label.name()
                + (description != null ? ", description" : "")
                + (keywords != null ? ", keywords" : ""));
    return view(updated);
  }

  /** Deletes (flags) a label, stops its running build, and records who did it. */
  public Deleted delete(String name, String actor) {
    Label label = require(name);
    builds.cancel(label.name());
    store.deleteLabel(label.name());
    store.users().audit(actor, "label-deleted", label.name());
    return new Deleted(label.name());
  }

  /** Creates every draft whose name is free; the caller has validated all of them first. */
  public OntologyImport importOntology(List<LabelDraft> drafts) {
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (LabelDraft d : drafts) {
      try {
        store.createLabel(d.name(), d.description(), d.keywords());
        created.add(d.name());
      } catch (DuplicateLabelException dup) {
        existing.add(d.name());
      }
    }
    return new OntologyImport(created, existing);
  }

  private LabelView view(Label label) {
    return LabelView.of(
        label,
        Counts.of(store.current(label.name())),
        builds.latestSummary(label.name()),
        store.assignments().of(label.name()));
  }
}
