package org.videoannotator.embed.video.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.videoannotator.core.Json;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Shots;
import org.videoannotator.embed.video.Transition;

/**
 * The exact truth about a rendered video, in decoded-frame indices.
 *
 * @param frameCount frames encoded (and decoded back: encoders here never drop or add frames)
 * @param transitions every shot boundary, in order
 * @param shots {@link Shots#fromTransitions} of the transitions
 * @param captions one caption per shot, in shot order (also written as the {@code .srt})
 * @param distractors frame ranges with events that are NOT boundaries (flashes, lighting changes,
 *     objects entering, fast pans), for checking that a detector stays quiet there
 */
public record GroundTruth(
    int frameCount,
    double fps,
    List<Transition> transitions,
    List<ShotSpan> shots,
    List<String> captions,
    List<Distractor> distractors) {
  /** A non-boundary event over frames {@code [first, last]}. */
  public record Distractor(Kind kind, int first, int last) {
    public enum Kind {
      FLASH,
      LIGHTING,
      OBJECT_ENTERS,
      FAST_PAN,
      /** A shot whose whole picture changes every frame (snow, sparkle). */
      BUSY
    }
  }

  public GroundTruth {
    transitions = List.copyOf(transitions);
    shots = List.copyOf(shots);
    captions = List.copyOf(captions);
    distractors = List.copyOf(distractors);
    if (captions.size() != shots.size()) {
      throw new IllegalArgumentException(
          captions.size() + " captions for " + shots.size() + " shots");
    }
  }

  /** Writes this truth as JSON (Jackson's record mapping). */
  public void write(Path file) {
    try {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ground truth " + file, e);
    }
  }

  public static GroundTruth read(Path file) {
    try {
      ObjectMapper m = Json.mapper();
      return m.readValue(file.toFile(), GroundTruth.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ground truth " + file, e);
    }
  }
}
