package org.videoannotator.server.exchange;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.labels.LabelNames;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.UserStore;

/** Export and import over HTTP: format, attachment name, who imports ({@link ExchangeService}). */
public final class ExchangeController {
  private final LabelService labels;
  private final ExchangeService exchange;

  public ExchangeController(LabelService labels, ExchangeService exchange) {
    this.labels = labels;
    this.exchange = exchange;
  }

  public void export(Context ctx) throws IOException {
    Label label = labels.require(ctx.pathParam("label"));
    String format = Params.oneOf(ctx, "format", "csv", ExchangeService.EXPORT_FORMATS);
    String base = LabelNames.folderName(label.name());
    switch (format) {
      case "csv" -> {
        attachment(ctx, "text/csv; charset=utf-8", base + ".csv");
        ctx.result(exchange.exportCsv(label));
      }
      case "labelbox" -> {
        attachment(ctx, "application/x-ndjson", base + ".ndjson");
        exchange.exportLabelbox(label, ctx.outputStream());
      }
      default -> {
        attachment(ctx, "application/zip", base + "-va.zip");
        exchange.exportVa(label, ctx.outputStream());
      }
    }
  }

  private static void attachment(Context ctx, String type, String fileName) {
    ctx.contentType(type);
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
  }

  public void importFile(Context ctx) {
    Label label = labels.require(ctx.pathParam("label"));
    String format = Params.oneOf(ctx, "format", "csv", ExchangeService.IMPORT_FORMATS);
    String annotator =
        Annotators.resolve(ctx, Params.string(ctx, "annotator").orElse(null), "annotator");
    // With accounts, an import carries its importer's votes only, unless an admin imports.
    Optional<String> onlyOwn =
        Principal.of(ctx).filter(u -> !u.role().isAdmin()).map(UserStore.User::name);
    ctx.status(201)
        .json(
            exchange.importFile(
                label, format, ctx.body(), annotator, onlyOwn, Principal.actor(ctx, annotator)));
  }
}
