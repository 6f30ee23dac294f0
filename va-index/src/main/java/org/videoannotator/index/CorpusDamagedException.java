package org.videoannotator.index;

import org.videoannotator.core.UserException;

/** A corpus folder whose files contradict its manifest beyond what recovery can repair. */
public final class CorpusDamagedException extends UserException {
  public CorpusDamagedException(String message) {
    super(message + "; the corpus is damaged: restore it from a backup or rebuild it");
  }
}
