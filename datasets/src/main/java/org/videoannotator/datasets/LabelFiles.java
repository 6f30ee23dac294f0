package org.videoannotator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.KeyIndex;

/**
 * Parses the per-label files ({@code agg}, {@code cmp}, {@code checkpoints}, {@code
 * ave/validation}) and checks them against the shot keys: every key must be a shot of {@code
 * shot-data.csv}, an {@code agg} key appears once, and no key is both positive and negative.
 */
final class LabelFiles {
  private final KeyIndex shots;

  LabelFiles(KeyIndex shots) {
    this.shots = shots;
  }

  List<AggEntry> agg(Path file) {
    JsonNode data = field(JsonFiles.read(file), "data", file, "the top-level object");
    List<AggEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode item : array(data, file, "'data'")) {
      String where = "entry " + entries.size() + " of 'data'";
      String key = key(item, file, where);
      Integer first = seen.putIfAbsent(key, entries.size());
      if (first != null) {
        throw new UserException(
            file
                + ": duplicate key '"
                + key
                + "' (entries "
                + first
                + " and "
                + entries.size()
                + "); each shot is annotated once");
      }
      where = "key '" + key + "'";
      JsonNode agg = field(item, "agg", file, where);
      JsonNode posCnt = field(item, "pos_cnt", file, where);
      if (!posCnt.canConvertToInt() || !posCnt.isIntegralNumber() || posCnt.asInt() < 0) {
        throw new UserException(
            file + ": " + where + ": 'pos_cnt' is " + posCnt + "; expected a count >= 0");
      }
      // The release writes {"A": true, "C": false} (annotator name to answer); a list is
      // accepted too. Answers are kept in file order.
      List<Boolean> secondaries = new ArrayList<>();
      JsonNode sec = item.get("secondaries");
      if (sec != null && !sec.isNull()) {
        for (JsonNode s : sec.isContainerNode() ? sec : List.of(sec)) {
          secondaries.add(answer(s, file, where, "secondaries"));
        }
      }
      JsonNode primary = item.get("primary");
      entries.add(
          new AggEntry(
              key,
              primary == null || primary.isNull() ? null : answer(primary, file, where, "primary"),
              secondaries,
              answer(agg, file, where, "agg"),
              posCnt.asInt()));
    }
    return List.copyOf(entries);
  }

  CmpSet cmp(Path file) {
    JsonNode root = JsonFiles.read(file);
    return new CmpSet(
        keyValues(field(root, "random", file, "the top-level object"), file, "random"),
        keyValues(field(root, "zero_shot", file, "the top-level object"), file, "zero_shot"));
  }

  List<Checkpoint> checkpoints(Path file) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode item : array(JsonFiles.read(file), file, "the top level")) {
      String where = "checkpoint " + checkpoints.size();
      List<String> pos = keys(field(item, "pos", file, where), file, where + " 'pos'");
      List<String> neg = keys(field(item, "neg", file, where), file, where + " 'neg'");
      checkDisjoint(pos, neg, file, where);
      checkpoints.add(new Checkpoint(pos, neg));
    }
    return List.copyOf(checkpoints);
  }

  ValidationSet validation(Path file) {
    JsonNode root = JsonFiles.read(file);
    String where = "the top-level object";
    List<String> pos = keys(field(root, "pos", file, where), file, "'pos'");
    List<String> neg = keys(field(root, "neg", file, where), file, "'neg'");
    checkDisjoint(pos, neg, file, "the validation set");
    return new ValidationSet(pos, neg);
  }

  private List<KeyValue> keyValues(JsonNode list, Path file, String name) {
    List<KeyValue> out = new ArrayList<>();
    for (JsonNode item : array(list, file, "'" + name + "'")) {
      String key = key(item, file, "entry " + out.size() + " of '" + name + "'");
      String where = "'" + name + "' key '" + key + "'";
      out.add(new KeyValue(key, answer(field(item, "value", file, where), file, where, "value")));
    }
    return out;
  }

  private List<String> keys(JsonNode list, Path file, String where) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : array(list, file, where)) {
      if (!item.isTextual()) {
        throw new UserException(
            file
                + ": "
                + where
                + " item "
                + out.size()
                + " is "
                + item
                + "; expected a shot key string");
      }
      out.add(known(item.asText(), file, where));
    }
    return out;
  }

  private String key(JsonNode item, Path file, String where) {
    JsonNode key = field(item, "key", file, where);
    if (!key.isTextual()) {
      throw new UserException(file + ": " + where + ": 'key' is " + key + "; expected a string");
    }
    return known(key.asText(), file, where);
  }

  private String known(String key, Path file, String where) {
    if (!shots.contains(key)) {
      throw new UserException(
          file
              + ": "
              + where
              + ": unknown key '"
              + key
              + "' (not in shot-data.csv); every labelled key must be a shot of the data set");
    }
    return key;
  }

  private static void checkDisjoint(List<String> pos, List<String> neg, Path file, String where) {
    Set<String> positives = new HashSet<>(pos);
    for (String key : neg) {
      if (positives.contains(key)) {
        throw new UserException(
            file
                + ": "
                + where
                + ": key '"
                + key
                + "' is in both 'pos' and 'neg'; a shot gets one answer");
      }
    }
  }

  /** A yes/no answer: JSON boolean, 0/1, or the strings true/false/yes/no. */
  private static boolean answer(JsonNode node, Path file, String where, String name) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && (node.asInt() == 0 || node.asInt() == 1)) {
      return node.asInt() == 1;
    }
    if (node.isTextual()) {
      switch (node.asText().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> {
          return true;
        }
        case "false", "no", "0" -> {
          return false;
        }
        default -> {}
      }
    }
    throw new UserException(
        file + ": " + where + ": '" + name + "' is " + node + "; expected true or false");
  }

  private static JsonNode field(JsonNode node, String name, Path file, String where) {
    JsonNode value = node.isObject() ? node.get(name) : null;
    if (value == null || value.isNull()) {
      throw new UserException(
          file
              + ": "
              + where
              + " has no '"
              + name
              + "' field"
              + (node.isObject() ? "" : " (it is not a JSON object)"));
    }
    return value;
  }

  private static JsonNode array(JsonNode node, Path file, String where) {
    if (!node.isArray()) {
      throw new UserException(file + ": " + where + " is not a JSON array");
    }
    return node;
  }
}
