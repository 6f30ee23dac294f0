package org.videoannotator.server.exchange;

import io.javalin.http.Context;
import org.videoannotator.server.auth.Principal;
import io.javalin.router.JavalinDefaultRouting;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.builds.BuildArtifacts;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.BuildStatus;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.labels.LabelNames;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.BuildRow;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.Value;

/** Export of a label's annotations (VA layout, CSV, Labelbox NDJSON) and import (CSV, Labelbox). */
public final class ExchangeController {
  public static final List<String> EXPORT_FORMATS = List.of("va", "csv", "labelbox");
  public static final List<String> IMPORT_FORMATS = List.of("csv", "labelbox");

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ExchangeController(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels/{label}/export", this::export);
    r.post("/api/labels/{label}/import", this::importFile);
  }

  private void export(Context ctx) throws IOException {
    Label label = LabelController.require(store, ctx);
    String format = Params.oneOf(ctx, "format", "csv", EXPORT_FORMATS);
    String base = LabelNames.folderName(label.name());
    List<CurrentAnnotation> current = store.current(label.name());
    switch (format) {
      case "csv" -> {
        attachment(ctx, "text/csv; charset=utf-8", base + ".csv");
        ctx.result(CsvExchange.export(current));
      }
      case "labelbox" -> {
        attachment(ctx, "application/x-ndjson", base + ".ndjson");
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        LabelboxExchange.export(label.name(), predictions(label.name(), current), out);
        out.flush();
      }
      default -> {
        List<BuildArtifacts> training = new ArrayList<>();
        for (BuildRow row : store.builds().builds(label.name())) {
          if (row.status().equals(BuildStatus.DONE)) {
            training.add(BuildService.artifacts(row));
          }
        }
        attachment(ctx, "application/zip", base + "-va.zip");
        VaExport.write(label.name(), corpus, current, training, ctx.outputStream());
      }
    }
  }

  /**
   * What the Labelbox export says: the latest model's prediction for every clip of the corpus, or,
   * before any build, the annotators' consensus on the annotated clips (confidence 1).
   */
  private Iterable<LabelboxExchange.Prediction> predictions(String label, List<CurrentAnnotation> current) {
    var latest = builds.latestModel(label);
    if (latest.isEmpty()) {
      return current.stream().filter(a -> a.value() != Value.UNSURE)
          .map(a -> new LabelboxExchange.Prediction(corpus.clip(a.key()).orElseThrow(), a.value() == Value.YES, 1.0))
          .toList();
    }
    LinearModel model = builds.load(latest.get());
    // The calibrated model's own cut, not 0.5 (a flat model once exported every clip as "yes").
    double threshold = builds.threshold(latest.get());
    KeyedMatrix vectors = corpus.vectors();
    return () -> java.util.stream.IntStream.range(0, vectors.size()).mapToObj(row -> {
      double p = model.probability(vectors.matrix().row(row));
      boolean yes = p >= threshold;
      return new LabelboxExchange.Prediction(corpus.clipAt(row), yes, yes ? p : 1 - p);
    }).iterator();
  }

  private static void attachment(Context ctx, String type, String fileName) {
    ctx.contentType(type);
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
  }

  private void importFile(Context ctx) {
    Label label = LabelController.require(store, ctx);
    String format = Params.oneOf(ctx, "format", "csv", IMPORT_FORMATS);
    String annotator = Annotators.resolve(ctx, Params.string(ctx, "annotator").orElse(null), "annotator");
    String body = ctx.body();
    ImportResult result = format.equals("csv")
        ? CsvExchange.parse(body, corpus, annotator)
        : LabelboxExchange.parse(label.name(), body, corpus, annotator);
    // With accounts, an import carries its importer's votes only, unless an admin imports.
    Principal.of(ctx).filter(u -> !u.role().isAdmin()).ifPresent(u -> result.votes().stream()
        .filter(v -> !v.annotator().equals(u.name())).findFirst().ifPresent(v -> {
          throw new ApiException(403, "forged-annotator", "annotator",
              "the file has votes of '" + Params.shorten(v.annotator()) + "'; as '" + u.name()
                  + "' you may import only your own (an admin may import everyone's)");
        }));
    List<Event> events = result.votes().isEmpty() ? List.of() : store.append(label.name(), result.votes());
    store.users().audit(Principal.actor(ctx, annotator), "import",
        "label " + label.name() + ", " + format + ", " + events.size() + " votes");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("imported", events.size());
    out.put("unknownKeys", result.unknownKeys());
    out.put("unknownFeatures", result.unknownFeatures());
    out.put("unknownDataRows", result.unknownDataRows());
    out.put("skipped", result.skipped());
    ctx.status(201).json(out);
  }
}
