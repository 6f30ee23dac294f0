package org.videoannotator.server.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.LabelModel;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.Value;

/**
 * Export of a label's annotations (VA layout, CSV, Labelbox NDJSON) and import (CSV, Labelbox) as a
 * feature. No HTTP: {@link ExchangeController} picks the format, names the attachment and answers.
 */
public final class ExchangeService {
  public static final List<String> EXPORT_FORMATS = List.of("va", "csv", "labelbox");
  public static final List<String> IMPORT_FORMATS = List.of("csv", "labelbox");

  /** What an import stored and what it could not use. */
  public record Imported(
      int imported,
      List<String> unknownKeys,
      List<String> unknownFeatures,
      List<String> unknownDataRows,
      int skipped) {}

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ExchangeService(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  /** {@code key,value,annotator,time,source}, one row per current vote. */
  public String exportCsv(Label label) {
    return CsvExchange.export(store.current(label.name()));
  }

  /** One NDJSON line per clip: the latest model's answer, or the annotators' before any build. */
  public void exportLabelbox(Label label, OutputStream out) throws IOException {
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    LabelboxExchange.export(
        label.name(),
        predictions(store.current(label.name()), builds.latestLabelModel(label.name())),
        writer);
    writer.flush();
  }

  /**
   * The zip of the released VA layout, with every finished build's training set as a checkpoint.
   */
  public void exportVa(Label label, OutputStream out) throws IOException {
    VaExport.write(
        label.name(),
        corpus,
        store.current(label.name()),
        builds.finishedTraining(label.name()),
        out);
  }

  /**
   * What the Labelbox export says: the model's prediction for every clip of the corpus, or, before
   * any build, the annotators' consensus on the annotated clips (confidence 1).
   */
  private Iterable<LabelboxExchange.Prediction> predictions(
      List<CurrentAnnotation> current, Optional<LabelModel> latest) {
    if (latest.isEmpty()) {
      return current.stream()
          .filter(a -> a.value() != Value.UNSURE)
          .map(
              a ->
                  new LabelboxExchange.Prediction(
                      corpus.clip(a.key()).orElseThrow(), a.value() == Value.YES, 1.0))
          .toList();
    }
    // The calibrated model's own cut, not 0.5 (a flat model once exported every clip as "yes").
    LabelModel model = latest.get();
    KeyedMatrix vectors = corpus.vectors();
    return () ->
        IntStream.range(0, vectors.size())
            .mapToObj(
                row -> {
                  double p = model.probability(vectors, row);
                  boolean yes = model.yes(p);
                  return new LabelboxExchange.Prediction(corpus.clipAt(row), yes, yes ? p : 1 - p);
                })
            .iterator();
  }

  /**
   * Rows (or votes) one import may carry: ten JSON batches' worth; a larger file is refused
   * unparsed.
   */
  public static final int MAX_IMPORT_ROWS = 100_000;

  /** Votes committed per write: an import never holds the writer for long. */
  static final int IMPORT_CHUNK = 1_000;

  private static DomainException tooManyRows(String what) {
    return DomainException.invalid(
        "body",
        "an import may carry at most "
            + MAX_IMPORT_ROWS
            + " "
            + what
            + "; split the file into smaller ones");
  }

  /**
   * Parses and stores an annotation file and records the import. The votes are committed in chunks
   * of {@link #IMPORT_CHUNK}, so a large import does not make other writers wait for all of it; a
   * failure midway (the label deleted meanwhile) leaves the chunks before it stored.
   *
   * @param annotator whose votes rows without an annotator are
   * @param onlyAnnotator when present, the file may carry this annotator's votes only (an account
   *     that is not an admin)
   * @param actor who imports, for the audit trail
   * @throws DomainException forbidden ({@code forged-annotator}) for someone else's votes
   */
  public Imported importFile(
      Label label,
      String format,
      String body,
      String annotator,
      Optional<String> onlyAnnotator,
      String actor) {
    if (body.lines().limit(MAX_IMPORT_ROWS + 2L).count()
        > MAX_IMPORT_ROWS + 1L) { // + the CSV header
      throw tooManyRows("lines");
    }
    ImportResult result =
        format.equals("csv")
            ? CsvExchange.parse(body, corpus, annotator)
            : LabelboxExchange.parse(label.name(), body, corpus, annotator);
    onlyAnnotator.ifPresent(
        own ->
            result.votes().stream()
                .filter(v -> !v.annotator().equals(own))
                .findFirst()
                .ifPresent(
                    v -> {
                      throw DomainException.forbidden(
                          "forged-annotator",
                          "annotator",
                          "the file has votes of '"
                              + DomainException.shorten(v.annotator())
                              + "'; as '"
                              + own
                              + "' you may import only your own (an admin may import everyone's)");
                    }));
    if (result.votes().size() > MAX_IMPORT_ROWS) { // a Labelbox line can stand for many clips
      throw tooManyRows("votes");
    }
    // In chunks: each is one write, so other annotators' votes are committed between them.
    List<Event> events = new ArrayList<>();
    for (int at = 0; at < result.votes().size(); at += IMPORT_CHUNK) {
      events.addAll(
          store.append(
              label.name(),
              result.votes().subList(at, Math.min(result.votes().size(), at + IMPORT_CHUNK))));
    }
    store
        .users()
        .audit(
            actor,
            "import",
            "label " + label.name() + ", " + format + ", " + events.size() + " votes");
    return new Imported(
        events.size(),
        result.unknownKeys(),
        result.unknownFeatures(),
        result.unknownDataRows(),
        result.skipped());
  }
}
