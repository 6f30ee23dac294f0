package org.videoannotator.embed.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subtitles of a video from a sidecar {@code .srt} or {@code .vtt} with the video's base name
 * (SubRip and WebVTT cues: a timing line {@code hh:mm:ss,mmm --> hh:mm:ss,mmm}, then text lines up
 * to a blank line; hours optional in WebVTT; cue settings and tags are dropped).
 */
public final class Captions {
  /** One subtitle cue. */
  public record Cue(double start, double end, String text) {}

  private static final Pattern TIMING =
      Pattern.compile(
          "((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{1,3})");
  private static final Pattern TAG = Pattern.compile("<[^>]*>|\\{\\\\[^}]*}");

  private final List<Cue> cues;

  private Captions(List<Cue> cues) {
    this.cues = List.copyOf(cues);
  }

  public static final Captions NONE = new Captions(List.of());

  /** The sidecar of {@code video} if there is one ({@code .srt} preferred over {@code .vtt}). */
  public static Optional<Path> sidecar(Path video) {
    String name = video.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    for (String ext : List.of(".srt", ".vtt", ".SRT", ".VTT")) {
      Path p = video.resolveSibling(base + ext);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Captions of {@code video}'s sidecar, or none. */
  public static Captions forVideo(Path video) throws IOException {
    Optional<Path> file = sidecar(video);
    return file.isPresent() ? parse(Files.readString(file.get(), StandardCharsets.UTF_8)) : NONE;
  }

  /** Parses SubRip or WebVTT text; lines that are not cues are ignored. */
  public static Captions parse(String content) {
    List<Cue> cues = new ArrayList<>();
    String[] lines = content.replace("\uFEFF", "").split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = TIMING.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      for (; j < lines.length && !lines[j].isBlank(); j++) {
        text.append(text.isEmpty() ? "" : " ").append(TAG.matcher(lines[j].strip()).replaceAll(""));
      }
      double start = seconds(m.group(1));
      double end = seconds(m.group(2));
      if (end >= start && !text.isEmpty()) {
        cues.add(new Cue(start, end, text.toString()));
      }
      i = j;
    }
    return new Captions(cues);
  }

  /**
   * Text of the shot {@code [start, end)}: the cues that belong to it, in order, joined by spaces.
   * A cue belongs to a shot when more than half of the cue lies in the shot, or when it covers more
   * than half of the shot. Subtitle times rarely match detected cuts, so a cue often reaches a few
   * frames into the neighbouring shot; by plain overlap such a shot borrowed its neighbour's words
   * (a night shot read "day indoor"). Every cue still lands somewhere: the shot holding most of it.
   */
  public String textOfShot(double start, double end) {
    StringBuilder out = new StringBuilder();
    double shot = end - start;
    for (Cue c : cues) {
      double overlap = Math.min(end, c.end()) - Math.max(start, c.start());
      if (overlap <= 0) {
        continue;
      }
      double cue = c.end() - c.start();
      if (overlap > 0.5 * cue || overlap > 0.5 * shot) {
        out.append(out.isEmpty() ? "" : " ").append(c.text());
      }
    }
    return out.toString();
  }

  public List<Cue> cues() {
    return cues;
  }

  private static double seconds(String time) {
    String[] parts = time.replace(',', '.').split(":");
    double s = Double.parseDouble(parts[parts.length - 1]);
    double m = Double.parseDouble(parts[parts.length - 2]);
    double h = parts.length == 3 ? Double.parseDouble(parts[0]) : 0;
    return h * 3600 + m * 60 + s;
  }
}
