package org.videoannotator.index;

import java.util.List;

/** What {@link Corpus#appendOrSkip} did: rows added, and keys skipped because already present. */
public record AppendResult(int appended, List<String> skipped) {
  public AppendResult {
    skipped = List.copyOf(skipped);
  }
}
