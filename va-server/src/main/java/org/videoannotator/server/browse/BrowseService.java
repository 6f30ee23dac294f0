package org.videoannotator.server.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;

/**
 * A way into any corpus, captions or not: every clip, video by video in timeline order, filtered by
 * file name, duration and "not labelled yet". Independent of HTTP. The timeline order is computed
 * once per corpus size (the corpus only grows).
 */
public final class BrowseService {
  private final Corpus corpus;
  private int[] order = new int[0];
  // position of each row in the timeline
  private int[] positions = new int[0];

  public BrowseService(Corpus corpus) {
    this.corpus = corpus;
  }

  /**
   * One browse request.
   *
   * @param videoContains part of a video's name or title (case-insensitive), "" for all
   * @param minSeconds shortest clip kept
   * @param maxSeconds longest clip kept
   * @param excludeKeys clips left out (the labelled ones, for "unlabelled only")
   */
  public record Query(
      String videoContains,
      double minSeconds,
      double maxSeconds,
      Set<String> excludeKeys,
      int k,
      int offset) {
    public Query {
      videoContains = videoContains == null ? "" : videoContains.strip().toLowerCase(Locale.ROOT);
      if (minSeconds < 0 || maxSeconds < minSeconds) {
        throw new UserException(
            "need 0 <= minSeconds <= maxSeconds, got " + minSeconds + ".." + maxSeconds);
      }
      excludeKeys = Set.copyOf(excludeKeys);
    }
  }

  /** A page of clips and how many match in all. */
  public record Page(int total, List<Clip> clips) {}

  /** A clip with up to n shots before and after it in its own video, nearest last / first. */
  public record Neighbours(Clip clip, List<Clip> before, List<Clip> after) {}

  /** The shots around {@code key} in its video's timeline; empty if the corpus has no such clip. */
  public Optional<Neighbours> neighbours(String key, int n) {
    int row = corpus.rowOf(key);
    if (row < 0) {
      return Optional.empty();
    }
    int[] timeline = timeline();
    int at;
    synchronized (this) {
      at = positions[row];
    }
    Clip clip = corpus.clipAt(row);
    List<Clip> before = new ArrayList<>();
    for (int i = at - 1; i >= 0 && before.size() < n; i--) {
      Clip c = corpus.clipAt(timeline[i]);
      if (!c.video().equals(clip.video())) {
        break;
      }
      before.add(0, c);
    }
    List<Clip> after = new ArrayList<>();
    for (int i = at + 1; i < timeline.length && after.size() < n; i++) {
      Clip c = corpus.clipAt(timeline[i]);
      if (!c.video().equals(clip.video())) {
        break;
      }
      after.add(c);
    }
    return Optional.of(new Neighbours(clip, before, after));
  }

  public Page browse(Query q) {
    List<Clip> page = new ArrayList<>();
    int total = 0;
    for (int row : timeline()) {
      Clip clip = corpus.clipAt(row);
      if (!matches(clip, q)) {
        continue;
      }
      if (total >= q.offset() && page.size() < q.k()) {
        page.add(clip);
      }
      total++;
    }
    return new Page(total, page);
  }

  private static boolean matches(Clip clip, Query q) {
    double seconds = clip.end() - clip.start();
    if (seconds < q.minSeconds()
        || seconds > q.maxSeconds()
        || q.excludeKeys().contains(clip.key())) {
      return false;
    }
    return q.videoContains().isEmpty()
        || clip.video().toLowerCase(Locale.ROOT).contains(q.videoContains())
        || (clip.title() != null
            && clip.title().toLowerCase(Locale.ROOT).contains(q.videoContains()));
  }

  /** Rows ordered by video, then start time. */
  private synchronized int[] timeline() {
    int size = corpus.size();
    if (order.length != size) {
      order =
          IntStream.range(0, size)
              .boxed()
              .sorted(
                  Comparator.comparing((Integer r) -> corpus.clipAt(r).video())
                      .thenComparingDouble(r -> corpus.clipAt(r).start())
                      .thenComparingInt(r -> r))
              .mapToInt(Integer::intValue)
              .toArray();
      positions = new int[size];
      for (int i = 0; i < size; i++) {
        positions[order[i]] = i;
      }
    }
    return order;
  }
}
