package org.videoannotator.server.exchange;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.store.AnnotationStore;

/** Export of a label's annotations (VA layout, CSV, Labelbox NDJSON) and import (CSV, Labelbox). */
public final class ExchangeController {
  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ExchangeController(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
  }
}
