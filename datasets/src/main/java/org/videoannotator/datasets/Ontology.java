package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.videoannotator.core.Json;

/**
 * The released 56-label ontology ({@code task_descriptions.json}, bundled as a resource so the
 * generator needs no external file) and the label groups of the VA paper. The generator uses the
 * group to decide how well a label's name embedding points at its visual concept: semantic groups
 * (genres, sensitivities, events, focus) zero-shot well, camera and shot-grammar groups do not.
 */
final class Ontology {
  /** How informative a label's name is for zero-shot retrieval. */
  enum ZeroShot {
    STRONG,
    MEDIUM,
    USELESS
  }

  /** One label: its name, description and search keywords (from the release). */
  record Label(String name, String description, List<String> keywords) {}

  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("genres", List.of("action", "sci-fi", "horror", "fantasy", "drama", "romance"));
    GROUPS.put(
        "shot_types",
        List.of(
            "establishing-shots",
            "static-shot",
            "shutter-shot",
            "cowboy-shot",
            "extreme-close-up",
            "extreme-wide-shot",
            "two-shot",
            "group-shot",
            "aerial",
            "eye-level",
            "medium",
            "closeup",
            "wide",
            "over-the-shoulder-shot",
            "tilt-shot",
            "dutch-angle",
            "point-of-view-shot",
            "high-angle",
            "insert-shot",
            "low-angle",
            "overhead-shot",
            "single-shot"));
    GROUPS.put(
        "sensitivities",
        List.of("alcohol", "smoking", "nudity", "gore", "drugs", "violence", "intimacy"));
    GROUPS.put(
        "motion",
        List.of(
            "zoom", "pan", "slow-motion", "handheld", "fast-motion", "timelapse", "jump-scare"));
    GROUPS.put("focus", List.of("character-focus", "animal", "object"));
    GROUPS.put("emotions", List.of("anger", "sad", "happy", "scared", "laughter"));
    GROUPS.put("events_actions", List.of("interview", "fight", "car-chase", "run"));
    GROUPS.put("time_location", List.of("day", "golden-hour", "interior"));
  }

  private static final Map<String, Label> LABELS = load();

  private Ontology() {}

  private static Map<String, Label> load() {
    try (InputStream in = Ontology.class.getResourceAsStream("task_descriptions.json")) {
      JsonNode root = Json.mapper().readTree(in);
      Map<String, Label> labels = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        List<String> keywords =
            Arrays.stream(e.getValue().path("keywords").asText("").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
        labels.put(
            e.getKey(),
            new Label(e.getKey(), e.getValue().path("description").asText(""), keywords));
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException("bundled task_descriptions.json unreadable", e);
    }
  }

  /** The label named {@code name}, or a bare label (no description, its name as keyword). */
  static Label label(String name) {
    Label known = LABELS.get(name);
    return known != null ? known : new Label(name, "", List.of(name.replace('-', ' ')));
  }

  static boolean isKnown(String name) {
    return LABELS.containsKey(name);
  }

  /** The VA paper's group of {@code name}, or {@code null} for a label outside the ontology. */
  static String group(String name) {
    for (Map.Entry<String, List<String>> e : GROUPS.entrySet()) {
      if (e.getValue().contains(name)) {
        return e.getKey();
      }
    }
    return null;
  }

  static ZeroShot zeroShot(String name, int position) {
    String group = group(name);
    if (group == null) {
      return ZeroShot.values()[position % 3];
    }
    return switch (group) {
      case "shot_types", "motion" -> ZeroShot.USELESS;
      case "emotions", "time_location" -> ZeroShot.MEDIUM;
      default -> ZeroShot.STRONG;
    };
  }

  /**
   * The first {@code count} ontology labels taking one label from each group in turn, so that even
   * a handful of labels mixes zero-shot-strong and zero-shot-useless ones.
   */
  static List<String> defaultLabels(int count) {
    if (count < 1 || count > LABELS.size()) {
      throw new IllegalArgumentException(
          "label count must be 1.." + LABELS.size() + ", got " + count);
    }
    List<List<String>> groups = new ArrayList<>();
    GROUPS.values().forEach(g -> groups.add(g.stream().filter(LABELS::containsKey).toList()));
    int rounds = groups.stream().mapToInt(List::size).max().orElse(0);
    List<String> order = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (List<String> g : groups) {
        if (round < g.size()) {
          order.add(g.get(round));
        }
      }
    }
    LABELS.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
    return List.copyOf(order.subList(0, count));
  }

  static int size() {
    return LABELS.size();
  }
}
