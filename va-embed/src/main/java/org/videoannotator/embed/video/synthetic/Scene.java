package org.videoannotator.embed.video.synthetic;

/**
 * What a synthetic shot shows and how its camera moves. Every choice is visible in the pixels, so
 * the demo's labels (night, pan, close-up, crowd, text) are learnable from the rendered video.
 *
 * @param palette time of day and place, which sets the colours
 * @param framing close (few large shapes) or wide (many small ones)
 * @param figures number of people in view (1 = single figure, 8 or more = crowd)
 * @param text text burned into the picture, or empty for none
 * @param camera camera move during the shot
 * @param seed layout and colour variation; different seeds give different-looking places
 */
public record Scene(
    Palette palette, Framing framing, int figures, String text, Camera camera, long seed) {
  public enum Palette {
    DAY_OUTDOOR,
    NIGHT_OUTDOOR,
    DAY_INDOOR,
    NIGHT_INDOOR;

    public boolean night() {
      return this == NIGHT_OUTDOOR || this == NIGHT_INDOOR;
    }

    public boolean indoor() {
      return this == DAY_INDOOR || this == NIGHT_INDOOR;
    }
  }

  public enum Framing {
    CLOSE,
    WIDE
  }

  /** Camera moves; speeds are in output-width fractions per frame so they scale with size. */
  public enum Camera {
    STATIC,
    PAN,
    TILT,
    ZOOM,
    SHAKE,
    FAST_PAN
  }

  public Scene {
    if (figures < 0) {
      throw new IllegalArgumentException("figures must be >= 0, got " + figures);
    }
    text = text == null ? "" : text;
  }

  /** A short caption describing the shot, used for the {@code .srt}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(palette.night() ? "night" : "day")
        .append(' ')
        .append(palette.indoor() ? "indoor" : "outdoor")
        .append(", ")
        .append(framing == Framing.CLOSE ? "close-up" : "wide shot")
        .append(", ")
        .append(
            figures == 0
                ? "empty"
                : figures == 1 ? "single figure" : figures >= 8 ? "crowd" : figures + " people")
        .append(", ")
        .append(
            switch (camera) {
              case STATIC -> "static camera";
              case PAN -> "pan";
              case TILT -> "tilt";
              case ZOOM -> "zoom";
              case SHAKE -> "handheld shake";
              case FAST_PAN -> "fast pan";
            });
    if (!text.isEmpty()) {
      b.append(", text \"").append(text).append('"');
    }
    return b.toString();
  }
}
