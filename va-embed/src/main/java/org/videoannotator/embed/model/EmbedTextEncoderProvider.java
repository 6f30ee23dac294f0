package org.videoannotator.embed.model;

import java.nio.file.Path;
import java.util.Optional;
import org.videoannotator.core.UserException;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.index.TextEncoderProvider;

/**
 * Gives va-index (and the server) the text tower of a corpus embedded by this module: loads the
 * model folder recorded in the corpus ({@link ModelRecord}) and checks that its weights are the
 * ones the corpus was made with. The returned encoder is {@link AutoCloseable} (it holds the
 * model).
 */
public final class EmbedTextEncoderProvider implements TextEncoderProvider {
  @Override
  public Optional<TextEncoder> encoderFor(EmbedderInfo embedder, Path corpusDir) {
    if (!Embedders.needsModel(embedder.id())) {
      return Optional.empty();
    }
    Path modelDir =
        ModelRecord.read(corpusDir)
            .orElseThrow(
                () ->
                    new UserException(
                        "corpus "
                            + corpusDir
                            + " was embedded with '"
                            + embedder.id()
                            + "' but does not record its"
                            + " model folder ("
                            + CorpusLayout.EMBED_MODEL
                            + "); re-run 'va ingest' with --model DIR"));
    Embedder model = Embedders.create(embedder.id(), modelDir);
    try {
      if (!model.info().equals(embedder)) {
        throw new UserException(
            "model folder "
                + modelDir
                + " holds "
                + model.info()
                + " but corpus "
                + corpusDir
                + " was embedded with "
                + embedder
                + "; point "
                + CorpusLayout.EMBED_MODEL
                + " at the original model");
      }
      Optional<TextEncoder> text = model.textEncoder();
      if (text.isEmpty()) {
        model.close();
        return Optional.empty();
      }
      return Optional.of(new ClosingTextEncoder(text.get(), model));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A text encoder that closes its model with it. */
  private record ClosingTextEncoder(TextEncoder encoder, Embedder model)
      implements TextEncoder, AutoCloseable {
    @Override
    public String id() {
      return encoder.id();
    }

    @Override
    public float[] encode(String text) {
      return encoder.encode(text);
    }

    @Override
    public void close() {
      model.close();
    }
  }
}
