package org.videoannotator.server.assign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Assignment;
import org.videoannotator.server.store.Role;
import org.videoannotator.server.store.UserStore;

/**
 * A label's overlap and assignees as a feature: read, change (audited like other label edits), and
 * check that an annotator works on the label. Who may change them is {@code auth.Permission}; no
 * HTTP here ({@link AssignmentController}).
 */
public final class AssignmentService {
  /** A label's assignment as the API shows it. */
  public record AssignmentView(String label, int overlap, List<String> assignees) {
    static AssignmentView of(String label, Assignment a) {
      return new AssignmentView(label, a.overlap(), a.assignees());
    }
  }

  private final AnnotationStore store;

  public AssignmentService(AnnotationStore store) {
    this.store = store;
  }

  public AssignmentView get(String label) {
    return AssignmentView.of(label, store.assignments().of(label));
  }

  /**
   * Changes what is given (null keeps the overlap or the assignees). With accounts, assignees must
   * be accounts that may vote; without, any annotator name.
   *
   * @throws DomainException invalid for an overlap out of range or an assignee who cannot vote
   */
  public AssignmentView update(
      String label, Integer overlap, List<String> assignees, String actor) {
    Assignment old = store.assignments().of(label);
    if (overlap != null && (overlap < 1 || overlap > Assignment.MAX_OVERLAP)) {
      throw DomainException.invalid(
          "overlap",
          "overlap must be 1.."
              + Assignment.MAX_OVERLAP
              + " (distinct annotators per clip), got "
              + overlap);
    }
    List<String> names = assignees == null ? old.assignees() : checkAssignees(assignees);
    Assignment updated =
        store
            .assignments()
            .set(label, new Assignment(overlap == null ? old.overlap() : overlap, names));
    store
        .users()
        .audit(
            actor,
            "label-assigned",
            label
                + ", overlap "
                + updated.overlap()
                + ", assignees "
                + (updated.assignees().isEmpty()
                    ? "everyone"
                    : String.join(" ", updated.assignees())));
    return AssignmentView.of(label, updated);
  }

  private List<String> checkAssignees(List<String> given) {
    Map<String, Role> accounts =
        store.users().list().stream()
            .collect(Collectors.toMap(UserStore.User::name, UserStore.User::role));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String field = "assignees[" + i + "]";
      String name = Annotators.check(field, given.get(i));
      if (!accounts.isEmpty()) {
        Role role = accounts.get(name);
        if (role == null) {
          throw DomainException.invalid(
              field,
              field
                  + ": no account '"
                  + DomainException.shorten(name)
                  + "'; 'va users list' shows the accounts, 'va users add' makes one");
        }
        if (role == Role.VIEWER) {
          throw DomainException.invalid(
              field,
              field
                  + ": '"
                  + name
                  + "' is a viewer and cannot vote; "
                  + "assign annotators or admins");
        }
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * @throws DomainException forbidden when the label has assignees and {@code annotator} is not one
   */
  public void requireAssignee(String label, String annotator) {
    Assignment a = store.assignments().of(label);
    if (!a.includes(annotator)) {
      throw DomainException.forbidden(
          "not-assigned",
          "annotator",
          "label '"
              + label
              + "' is assigned to "
              + a.assignees()
              + " and '"
              + annotator
              + "' is not among them; an admin may add them "
              + "(PATCH /api/labels/{label}/assignment)");
    }
  }
}
