package org.videoannotator.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.videoannotator.core.Json;

/**
 * The paper's eight label groups (emotions, events/actions, focus, genres, motion, sensitivities,
 * shot types, time/location) for the 56 released labels, read from {@code label-groups.json}.
 * Labels outside the ontology (e.g. generated ones) fall in {@link #OTHER}.
 */
public final class LabelGroups {
  public static final String OTHER = "other";
  private final Map<String, String> groupOf;

  private LabelGroups(Map<String, String> groupOf) {
    this.groupOf = groupOf;
  }

  public static LabelGroups paper() {
    try (InputStream in = LabelGroups.class.getResourceAsStream("label-groups.json")) {
      JsonNode root = Json.mapper().readTree(in);
      Map<String, String> groupOf = new LinkedHashMap<>();
      root.properties()
          .forEach(
              e -> {
                if (!e.getKey().startsWith("_")) {
                  e.getValue().forEach(label -> groupOf.put(label.asText(), e.getKey()));
                }
              });
      return new LabelGroups(groupOf);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read label-groups.json", e);
    }
  }

  /** The group of {@code label}, or {@link #OTHER}. */
  public String groupOf(String label) {
    return groupOf.getOrDefault(label, OTHER);
  }

  /** Every label with a group. */
  public int size() {
    return groupOf.size();
  }
}
