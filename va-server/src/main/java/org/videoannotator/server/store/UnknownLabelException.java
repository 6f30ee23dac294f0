package org.videoannotator.server.store;

import org.videoannotator.server.errors.DomainException;

/**
 * A label that does not exist (any more): the API answers 404, also when the label was deleted
 * while the request was on its way. An {@link IllegalArgumentException} for callers that catch
 * validation errors. Every "no such label" answer of the API has this one wording.
 */
public final class UnknownLabelException extends IllegalArgumentException {
  public UnknownLabelException(String labelName) {
    super(message(labelName));
  }

  /** The one wording of "no such label", wherever the API meets it. */
  public static String message(String labelName) {
    return "no label '"
        + DomainException.shorten(labelName)
        + "': it does not exist or was deleted; GET /api/labels lists the labels, POST /api/labels creates one";
  }
}
