package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes the first clips of a source that the expert may label: hold-out clips are skipped (each
 * distinct one counted once per session) and so are clips already chosen in this batch.
 */
final class Picker {
  private static final int MAX_PAGE = 500;

  private final Expert expert;
  private final Set<String> skipped = new HashSet<>();

  Picker(Expert expert) {
    this.expert = expert;
  }

  /** Distinct hold-out clips offered and skipped so far. */
  int skips() {
    return skipped.size();
  }

  /** Up to {@code n} labellable offers of {@code source}, none in {@code taken}. */
  List<LoopApi.Offer> take(ClipSource source, int n, Set<String> taken) {
    List<LoopApi.Offer> out = new ArrayList<>();
    int offset = 0;
    while (out.size() < n) {
      int k = Math.min(MAX_PAGE, 2 * n + skipped.size() + taken.size());
      List<LoopApi.Offer> page = source.page(k, offset);
      for (LoopApi.Offer offer : page) {
        if (out.size() == n) {
          break;
        }
        if (expert.isHeldOut(offer.key())) {
          skipped.add(offer.key());
        } else if (!taken.contains(offer.key())) {
          out.add(offer);
        }
      }
      if (page.size() < k) {
        break;
      }
      offset += k;
    }
    return out;
  }
}
