package org.videoannotator.embed.video.synthetic;

import java.util.List;

/**
 * One shot of a synthetic video: its scene, its own length in frames (not counting the transition
 * that leads into it), how it begins, and events inside it that are not boundaries.
 *
 * @param entry how this shot begins; ignored for the first shot of a video
 * @param caption subtitle text for the shot ({@link Scene#describe()} or {@link Texture#describe()}
 *     when blank)
 * @param texture when not null, the shot shows this FFmpeg texture instead of the scene (the scene
 *     then only sets how events look: night or day)
 */
public record ShotPlan(
    Scene scene, int frames, Entry entry, List<Event> events, String caption, Texture texture) {
  /** How a shot begins. {@code frames} is the dissolve length, or each fade half's length. */
  public record Entry(Kind kind, int frames) {
    public enum Kind {
      CUT,
      DISSOLVE,
      FADE
    }

    public static final Entry CUT = new Entry(Kind.CUT, 0);

    public Entry {
      if (kind != Kind.CUT && frames < 2) {
        throw new IllegalArgumentException(kind + " needs >= 2 frames, got " + frames);
      }
    }

    public static Entry dissolve(int frames) {
      return new Entry(Kind.DISSOLVE, frames);
    }

    public static Entry fade(int frames) {
      return new Entry(Kind.FADE, frames);
    }
  }

  /**
   * Something happening inside a shot for {@code frames} frames from its own frame {@code at} (0 =
   * the first frame after the transition leading into the shot).
   */
  public record Event(Kind kind, int at, int frames) {
    public enum Kind {
      /** 1-3 near-white frames, then the same picture again. */
      FLASH,
      /** The light level jumps (and stays) at {@code at}, ramping over {@code frames} frames. */
      LIGHTING,
      /** A large object slides in over {@code frames} frames and stays. */
      OBJECT_ENTERS,
      /**
       * A camera flash, muzzle flash or lightning: {@code frames} frames blown to about 90 % white,
       * then {@value Pixels#FLASH_DECAY} frames decaying back to the same picture.
       */
      DECAYING_FLASH,
      /** Television snow: every pixel a new random grey every frame. */
      NOISE,
      /**
       * A sparse, high-contrast pattern in which everything moves, like a cellular automaton or
       * confetti: bright cells on a dark ground, a new random set every frame.
       */
      SPARKLE
    }

    public Event {
      if (at < 0 || frames < 1) {
        throw new IllegalArgumentException("bad event " + kind + " at " + at + " for " + frames);
      }
    }
  }

  public ShotPlan {
    if (frames < 1) {
      throw new IllegalArgumentException("a shot needs >= 1 frame, got " + frames);
    }
    events = List.copyOf(events);
    for (Event e : events) {
      if (e.at() + e.frames() + (e.kind() == Event.Kind.DECAYING_FLASH ? Pixels.FLASH_DECAY : 0)
          > frames) {
        throw new IllegalArgumentException("event " + e + " does not fit in " + frames + " frames");
      }
    }
    caption =
        caption == null || caption.isBlank()
            ? (texture == null ? scene.describe() : texture.describe())
            : caption;
  }

  public ShotPlan(Scene scene, int frames, Entry entry, List<Event> events, String caption) {
    this(scene, frames, entry, events, caption, null);
  }

  public ShotPlan(Scene scene, int frames, Entry entry) {
    this(scene, frames, entry, List.of(), null, null);
  }
}
