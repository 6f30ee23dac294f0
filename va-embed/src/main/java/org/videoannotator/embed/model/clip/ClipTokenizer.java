package org.videoannotator.embed.model.clip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * CLIP's byte-level BPE tokenizer: clean (HTML entities, whitespace, lower case), split with CLIP's
 * pattern, map each UTF-8 byte to its printable stand-in, mark the word end with {@code </w>},
 * apply merges by rank, then frame with {@code <|startoftext|>} and {@code <|endoftext|>}, truncate
 * to the context length (keeping the end token) and pad with 0. Thread-safe.
 */
public final class ClipTokenizer {
  public static final String START = "<|startoftext|>";
  public static final String END = "<|endoftext|>";
  private static final String WORD_END = "</w>";
  private static final Pattern SPLIT =
      Pattern.compile(
          "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

  private final Map<String, Integer> vocab;
  private final Map<String, Integer> ranks;
  private final String[] byteUnits = byteUnits();
  private final int start;
  private final int end;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /**
   * @param vocab token to id
   * @param merges merge pairs {@code "a b"} in rank order
   */
  public ClipTokenizer(Map<String, Integer> vocab, List<String> merges) {
    this.vocab = Map.copyOf(vocab);
    this.ranks = new HashMap<>();
    for (int i = 0; i < merges.size(); i++) {
      ranks.putIfAbsent(merges.get(i), i);
    }
    Integer s = vocab.get(START);
    Integer e = vocab.get(END);
    if (s == null || e == null) {
      throw new IllegalArgumentException("vocabulary lacks " + START + " or " + END);
    }
    start = s;
    end = e;
  }

  /** Reads {@code vocab.json} + {@code merges.txt}, or {@code tokenizer.json}, from a folder. */
  public static ClipTokenizer load(Path folder) {
    Path vocabFile = folder.resolve("vocab.json");
    Path mergesFile = folder.resolve("merges.txt");
    Path tokenizerFile = folder.resolve("tokenizer.json");
    try {
      if (Files.isRegularFile(vocabFile) && Files.isRegularFile(mergesFile)) {
        Map<String, Integer> vocab =
            readVocab(Json.mapper().readTree(vocabFile.toFile()), vocabFile);
        List<String> merges = new ArrayList<>();
        for (String line : Files.readAllLines(mergesFile, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && !line.startsWith("#version")) {
            merges.add(line.strip());
          }
        }
        return new ClipTokenizer(vocab, merges);
      }
      if (Files.isRegularFile(tokenizerFile)) {
        JsonNode model = Json.mapper().readTree(tokenizerFile.toFile()).path("model");
        Map<String, Integer> vocab = readVocab(model.path("vocab"), tokenizerFile);
        List<String> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
          // Older files store "a b", newer ones ["a", "b"].
          merges.add(m.isArray() ? m.get(0).asText() + " " + m.get(1).asText() : m.asText());
        }
        return new ClipTokenizer(vocab, merges);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(
          "model folder "
              + folder
              + ": cannot read the tokenizer ("
              + e.getMessage()
              + "); re-export it with va-embed/scripts/export_clip.py",
          e);
    }
    throw new UserException(
        "model folder "
            + folder
            + " has no tokenizer: expected vocab.json + "
            + "merges.txt or tokenizer.json; export one with va-embed/scripts/export_clip.py");
  }

  private static Map<String, Integer> readVocab(JsonNode node, Path file) {
    if (!node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException(file.getFileName() + " holds no vocabulary object");
    }
    Map<String, Integer> vocab = new HashMap<>();
    node.properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    return vocab;
  }

  /** Token ids of {@code text}, framed, truncated and padded to {@code contextLength}. */
  public long[] tokenize(String text, int contextLength) {
    List<Integer> ids = new ArrayList<>();
    ids.add(start);
    ids.addAll(encode(text));
    ids.add(end);
    long[] out = new long[contextLength];
    int n = Math.min(ids.size(), contextLength);
    for (int i = 0; i < n; i++) {
      out[i] = ids.get(i);
    }
    if (ids.size() > contextLength) {
      out[contextLength - 1] = end;
    }
    return out;
  }

  /** Token ids of {@code text}, without framing. */
  public List<Integer> encode(String text) {
    List<Integer> ids = new ArrayList<>();
    Matcher m = SPLIT.matcher(clean(text));
    while (m.find()) {
      String token = m.group();
      if (token.equals(START) || token.equals(END)) {
        ids.add(vocab.get(token));
        continue;
      }
      StringBuilder units = new StringBuilder();
      for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
        units.append(byteUnits[b & 0xff]);
      }
      for (String piece : cache.computeIfAbsent(units.toString(), this::bpe)) {
        Integer id = vocab.get(piece);
        if (id == null) {
          throw new IllegalStateException("token '" + piece + "' is not in the vocabulary");
        }
        ids.add(id);
      }
    }
    return ids;
  }

  private List<String> bpe(String units) {
    List<String> word = new ArrayList<>();
    units.codePoints().forEach(cp -> word.add(new String(Character.toChars(cp))));
    word.set(word.size() - 1, word.getLast() + WORD_END);
    while (word.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < word.size(); i++) {
        Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
        }
      }
      if (bestRank == Integer.MAX_VALUE) {
        break;
      }
      List<String> merged = new ArrayList<>(word.size());
      for (int i = 0; i < word.size(); i++) {
        Integer rank = i + 1 < word.size() ? ranks.get(word.get(i) + " " + word.get(i + 1)) : null;
        if (rank != null && rank == bestRank) {
          merged.add(word.get(i) + word.get(i + 1));
          i++;
        } else {
          merged.add(word.get(i));
        }
      }
      word.clear();
      word.addAll(merged);
    }
    return List.copyOf(word);
  }

  /** HTML entities decoded twice (as CLIP does), whitespace collapsed, lower case. */
  static String clean(String text) {
    String t = unescape(unescape(text)).strip();
    return t.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  private static String unescape(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x") || e.startsWith("#X")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** CLIP's printable stand-ins for the 256 byte values. */
  static String[] byteUnits() {
    boolean[] printable = new boolean[256];
    for (int b = 0; b < 256; b++) {
      printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }
    String[] out = new String[256];
    int next = 256;
    for (int b = 0; b < 256; b++) {
      out[b] = new String(Character.toChars(printable[b] ? b : next++));
    }
    return out;
  }

  public int startId() {
    return start;
  }

  public int endId() {
    return end;
  }

  @Override
  public String toString() {
    return "ClipTokenizer[vocab=" + vocab.size() + ", merges=" + ranks.size() + "]";
  }
}
