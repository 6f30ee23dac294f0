package org.videoannotator.server.team;

import java.util.Optional;

/** What a saved model version says about clips: its yes/no at its decision threshold. */
public interface ModelDecisions {
  int version();

  double threshold();

  /** The model's answer on a clip; empty when the clip has no vector in the corpus. */
  Optional<Boolean> yes(String key);
}
