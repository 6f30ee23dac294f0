package org.videoannotator.server.assign;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Short claims on served clips, per label: a clip served to an annotator is theirs for {@link #ttl}
 * (a vote releases it), so a teammate paging the same feed meanwhile is served other clips.
 *
 * <p>In memory on purpose: a lease is a scheduling hint, not data. One server process serves a
 * corpus; after a restart the hints are gone, and the worst that follows is one clip getting a vote
 * more than its overlap asked for. A vote is never lost or refused because of a lease. Thread-safe.
 */
public final class ClipLeases {
  /** How long a served clip stays reserved: a page of clips is labelled in a minute or two. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private final InstantSource clock;
  private final Duration ttl;
  // label -> clip key -> annotator -> lease end
  private final Map<String, Map<String, Map<String, Instant>>> byLabel = new HashMap<>();

  public ClipLeases(InstantSource clock, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease must last some time, got " + ttl);
    }
    this.clock = clock;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * Reserves {@code keys} of {@code label} for {@code annotator} until {@link #ttl} from now
   * (renewing theirs).
   */
  public synchronized void claim(String label, String annotator, Collection<String> keys) {
    Instant now = clock.instant();
    Map<String, Map<String, Instant>> clips = byLabel.computeIfAbsent(label, l -> new HashMap<>());
    // Forget ended leases here, where the map grows, so it holds only the clips on open pages.
    clips
        .values()
        .removeIf(
            holders -> {
              holders.values().removeIf(until -> !until.isAfter(now));
              return holders.isEmpty();
            });
    Instant until = now.plus(ttl);
    for (String key : keys) {
      clips.computeIfAbsent(key, k -> new HashMap<>()).put(annotator, until);
    }
  }

  /** The annotators other than {@code annotator} holding a live lease on {@code key}. */
  public synchronized Set<String> holdersOtherThan(String label, String key, String annotator) {
    Map<String, Instant> holders =
        byLabel.getOrDefault(label, Map.of()).getOrDefault(key, Map.of());
    Instant now = clock.instant();
    Set<String> out = new HashSet<>();
    holders.forEach(
        (who, until) -> {
          if (!who.equals(annotator) && until.isAfter(now)) {
            out.add(who);
          }
        });
    return out;
  }

  /** Ends {@code annotator}'s lease on {@code key} (they voted). */
  public synchronized void release(String label, String key, String annotator) {
    Map<String, Map<String, Instant>> clips = byLabel.get(label);
    Map<String, Instant> holders = clips == null ? null : clips.get(key);
    if (holders != null) {
      holders.remove(annotator);
      if (holders.isEmpty()) {
        clips.remove(key);
      }
    }
  }

  /** Ends every lease on {@code key} (its overlap is met: nobody needs it reserved any more). */
  public synchronized void releaseAll(String label, String key) {
    Map<String, Map<String, Instant>> clips = byLabel.get(label);
    if (clips != null) {
      clips.remove(key);
    }
  }
}
