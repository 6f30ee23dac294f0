package org.videoannotator.bench.loop;

import java.util.List;

/**
 * Where a policy takes the next clips from: a page of some ranking, with the clips already labelled
 * left out by the server (search with {@code unlabelled=true}, feeds) or by the source itself.
 */
interface ClipSource {
  /** Up to {@code k} offers starting at {@code offset} of the current unlabelled ranking. */
  List<LoopApi.Offer> page(int k, int offset);
}
