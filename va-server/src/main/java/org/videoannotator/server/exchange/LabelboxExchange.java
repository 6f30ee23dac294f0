package org.videoannotator.server.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.Json;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * Labelbox NDJSON (the frame-based video classification subset; va-server/README.md). Export: one
 * frame-based radio classification per clip, {@code {"name": label, "answer": {"name": "yes"|"no",
 * "confidence", "frames": [{"start", "end"}]}, "dataRow": {"globalKey": video}}}. Import: radio
 * answers {@code yes}/{@code no} of the feature named like the label, and checklist answers named
 * like the label (= yes); a clip takes an answer when that answer's frame ranges cover at least
 * half of the clip's frames; a classification without frames covers the whole video.
 */
final class LabelboxExchange {
  private LabelboxExchange() {}

  /** One clip's exported answer. */
  record Prediction(Clip clip, boolean yes, double confidence) {}

  /**
   * Writes one line per prediction; clips without frame numbers cannot be placed and are left out.
   */
  static int export(String label, Iterable<Prediction> predictions, Writer out) throws IOException {
    int written = 0;
    for (Prediction p : predictions) {
      Clip clip = p.clip();
      if (clip.frameIn() < 0) {
        continue;
      }
      ObjectNode line = Json.mapper().createObjectNode();
      line.put("name", label);
      ObjectNode answer = line.putObject("answer");
      answer.put("name", p.yes() ? "yes" : "no");
      answer.put("confidence", Math.round(p.confidence() * 10_000) / 10_000.0);
      ObjectNode range = answer.putArray("frames").addObject();
      range.put("start", clip.frameIn());
      range.put("end", clip.frameOut());
      line.putObject("dataRow").put("globalKey", clip.video());
      out.write(Json.mapper().writeValueAsString(line));
      out.write('\n');
      written++;
    }
    return written;
  }

  /** Frame ranges per answer (yes / no) for one video. */
  private static final class Ranges {
    final List<int[]> yes = new ArrayList<>();
    final List<int[]> no = new ArrayList<>();
    boolean wholeYes;
    boolean wholeNo;
  }

  static ImportResult parse(String label, String text, Corpus corpus, String annotator) {
    Map<String, List<Clip>> clipsByVideo = new HashMap<>();
    corpus
        .clips()
        .forEach(c -> clipsByVideo.computeIfAbsent(c.video(), v -> new ArrayList<>()).add(c));
    Map<String, Ranges> byVideo = new LinkedHashMap<>();
    Set<String> unknownFeatures = new LinkedHashSet<>();
    Set<String> unknownRows = new LinkedHashSet<>();
    int skipped = 0;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String at = "line " + (i + 1);
      JsonNode obj = readLine(lines[i], at);
      String feature = obj.path("name").asText("");
      String video = obj.path("dataRow").path("globalKey").asText("");
      JsonNode answer = obj.get("answer");
      if (video.isEmpty() || answer == null) {
        throw DomainException.invalid(
            "body", at + ": expected {name, answer, dataRow: {globalKey}}");
      }
      if (!clipsByVideo.containsKey(video)) {
        unknownRows.add(video);
        skipped++;
        continue;
      }
      Ranges ranges = byVideo.computeIfAbsent(video, v -> new Ranges());
      boolean used = false;
      if (answer.isObject() && feature.equals(label)) {
        String name = answer.path("name").asText("");
        if (name.equals("yes") || name.equals("no")) {
          add(ranges, name.equals("yes"), answer.get("frames"), at);
          used = true;
        }
      } else if (answer.isArray()) {
        for (JsonNode a : answer) {
          if (a.path("name").asText("").equals(label)) {
            add(ranges, true, a.get("frames"), at);
            used = true;
          }
        }
      }
      if (!used) {
        unknownFeatures.add(feature);
        skipped++;
      }
    }
    List<NewVote> votes = new ArrayList<>();
    for (Map.Entry<String, Ranges> e : byVideo.entrySet()) {
      for (Clip clip : clipsByVideo.get(e.getKey())) {
        boolean yes = e.getValue().wholeYes || covered(clip, e.getValue().yes);
        boolean no = e.getValue().wholeNo || covered(clip, e.getValue().no);
        if (yes != no) {
          votes.add(
              new NewVote(
                  clip.key(), yes ? Value.YES : Value.NO, annotator, Source.imported("labelbox")));
        }
      }
    }
    return new ImportResult(
        votes, List.of(), CsvExchange.cap(unknownFeatures), CsvExchange.cap(unknownRows), skipped);
  }

  private static JsonNode readLine(String line, String at) {
    try {
      JsonNode obj = Json.mapper().readTree(line);
      if (obj == null || !obj.isObject()) {
        throw DomainException.invalid("body", at + ": each line must be a JSON object");
      }
      return obj;
    } catch (JsonProcessingException e) {
      throw DomainException.invalid("body", at + ": not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static void add(Ranges ranges, boolean yes, JsonNode frames, String at) {
    if (frames == null || frames.isNull()) {
      if (yes) {
        ranges.wholeYes = true;
      } else {
        ranges.wholeNo = true;
      }
      return;
    }
    if (!frames.isArray()) {
      throw DomainException.invalid("body", at + ": frames must be an array of {start, end}");
    }
    for (JsonNode f : frames) {
      JsonNode s = f.get("start");
      JsonNode e = f.get("end");
      if (s == null
          || e == null
          || !s.canConvertToInt()
          || !e.canConvertToInt()
          || s.asInt() > e.asInt()) {
        throw DomainException.invalid(
            "body", at + ": each frame range needs integer start <= end, got " + f);
      }
      (yes ? ranges.yes : ranges.no).add(new int[] {s.asInt(), e.asInt()});
    }
  }

  /** True when the ranges cover at least half of the clip's inclusive frame range. */
  static boolean covered(Clip clip, List<int[]> ranges) {
    if (clip.frameIn() < 0 || ranges.isEmpty()) {
      return false;
    }
    long in = clip.frameIn();
    long out = clip.frameOut();
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(r -> r[0]));
    long covered = 0;
    long next = in; // first frame not yet counted
    for (int[] r : sorted) {
      long s = Math.max(r[0], next);
      long e = Math.min(r[1], out);
      if (e >= s) {
        covered += e - s + 1;
        next = e + 1;
      }
    }
    return 2 * covered >= out - in + 1;
  }
}
