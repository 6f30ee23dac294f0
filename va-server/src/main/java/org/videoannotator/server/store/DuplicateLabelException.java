package org.videoannotator.server.store;

/** Creating a label whose name is already taken by a live label. */
public final class DuplicateLabelException extends RuntimeException {
  public DuplicateLabelException(String name) {
    super("label '" + name + "' already exists");
  }
}
