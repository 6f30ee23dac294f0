package org.videoannotator.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.auth.Principal;

/** {@code GET /api/info} (corpus, feeds, who is logged in) and {@code GET /api/openapi.json}. */
public final class InfoController {
  private final Corpus corpus;
  private final boolean textSearch;
  private final boolean authRequired;

  InfoController(Corpus corpus, boolean textSearch, boolean authRequired) {
    this.corpus = corpus;
    this.textSearch = textSearch;
    this.authRequired = authRequired;
  }

  public void info(Context ctx) {
    ctx.json(
        ServerInfo.of(
            corpus,
            textSearch,
            authRequired,
            Principal.of(ctx)
                .map(u -> new ServerInfo.Account(u.name(), u.role().wire()))
                .orElse(null)));
  }

  public void openApi(Context ctx) throws IOException {
    ctx.contentType("application/json").result(openApiDocument());
  }

  /** The OpenAPI document shipped in the jar (checked against {@link ApiRoutes} by the tests). */
  static String openApiDocument() throws IOException {
    try (InputStream in =
        InfoController.class.getResourceAsStream("/org/videoannotator/server/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the va-server jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
