package org.videoannotator.server.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvReader;
import org.videoannotator.core.csv.CsvWriter;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Settlement;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * Annotations as CSV. Export: {@code key,value,annotator,time,source}, one row per current vote,
 * and one per standing settlement under the reserved annotator {@value Settlement#ANNOTATOR}
 * (source {@code settlement by <adjudicator>}), so the file says what the consensus is where votes
 * differ. Import: a header naming at least {@code key} and {@code value} (any order, any case;
 * {@code annotator} optional); values yes/no/unsure, true/false or 1/0. Settlement rows are
 * skipped: a settlement is an adjudicator's decision on this server's votes, which a file cannot
 * make.
 */
final class CsvExchange {
  static final List<String> HEADER = List.of("key", "value", "annotator", "time", "source");

  private CsvExchange() {}

  static String export(List<CurrentAnnotation> current) {
    StringBuilder out = new StringBuilder(CsvWriter.line(HEADER));
    for (CurrentAnnotation a : current) {
      for (Map.Entry<String, Value> vote : a.votes().entrySet()) {
        out.append(
            CsvWriter.line(
                List.of(
                    a.key(),
                    vote.getValue().wire(),
                    vote.getKey(),
                    a.updated().toString(),
                    a.source().kind())));
      }
      Settlement settled = a.settlement();
      if (settled != null) {
        out.append(
            CsvWriter.line(
                List.of(
                    a.key(),
                    settled.value().wire(),
                    Settlement.ANNOTATOR,
                    settled.time().toString(),
                    "settlement by " + settled.by())));
      }
    }
    return out.toString();
  }

  static ImportResult parse(String text, Corpus corpus, String defaultAnnotator) {
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.parse(text, "CSV");
    } catch (UserException e) {
      throw DomainException.invalid("body", e.getMessage());
    }
    if (rows.isEmpty()) {
      throw DomainException.invalid("body", "the CSV is empty; expected a header with key,value");
    }
    List<String> header =
        rows.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int keyCol = header.indexOf("key");
    int valueCol = header.indexOf("value");
    int annotatorCol = header.indexOf("annotator");
    if (keyCol < 0 || valueCol < 0) {
      throw DomainException.invalid(
          "body",
          "the CSV header must name the columns key and value, got "
              + DomainException.shorten(String.join(",", rows.getFirst().fields())));
    }
    List<NewVote> votes = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    int skipped = 0;
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      List<String> f = row.fields();
      if (f.size() <= Math.max(keyCol, valueCol)) {
        throw DomainException.invalid(
            "body",
            "CSV line "
                + row.line()
                + " has "
                + f.size()
                + " fields; expected at least "
                + (Math.max(keyCol, valueCol) + 1));
      }
      String key = f.get(keyCol);
      String valueText = f.get(valueCol);
      Value value =
          Value.parseVote(valueText)
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "body",
                          "CSV line "
                              + row.line()
                              + ": value must be yes, no or unsure, got '"
                              + DomainException.shorten(valueText)
                              + "'"));
      String annotator =
          annotatorCol >= 0 && annotatorCol < f.size() && !f.get(annotatorCol).isBlank()
              ? f.get(annotatorCol).strip()
              : defaultAnnotator;
      boolean known = corpus.hasKey(key);
      if (!known) {
        unknown.add(key);
      }
      if (!known || annotator.equals(Settlement.ANNOTATOR)) {
        skipped++; // an unknown clip, or a settlement (only an adjudicator settles)
        continue;
      }
      if (annotator.length() > 64 || annotator.chars().anyMatch(Character::isISOControl)) {
        throw DomainException.invalid(
            "body", "CSV line " + row.line() + ": annotator must be 1..64 printable characters");
      }
      votes.add(new NewVote(key, value, annotator, Source.imported("csv")));
    }
    return new ImportResult(votes, cap(unknown), List.of(), List.of(), skipped);
  }

  static List<String> cap(Set<String> values) {
    return values.stream().limit(ImportResult.MAX_LISTED).toList();
  }
}
