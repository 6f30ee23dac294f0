package org.videoannotator.server.clips;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.http.ByteRange;

/**
 * Clip metadata and media. Media come only from the corpus's {@code media/} folder: the file name
 * is derived from the key by the corpus (a hash), and the resolved real path must still lie inside
 * the media folder, so neither a crafted key nor a symlink can reach another file.
 */
public final class ClipController {
  private final Corpus corpus;

  public ClipController(Corpus corpus) {
    this.corpus = corpus;
  }

  public void clip(Context ctx) {
    ctx.json(ClipView.of(ClipLookup.require(corpus, ctx.pathParam("key"), "key"), corpus));
  }

  public void thumbnail(Context ctx) throws IOException {
    media(ctx, corpus.layout().thumbnail(clipKey(ctx)), "thumbnail");
  }

  public void preview(Context ctx) throws IOException {
    media(ctx, corpus.layout().preview(clipKey(ctx)), "preview");
  }

  // The same by query parameter, for keys with '/' (ingested videos in sub-folders), which a path
  // segment cannot carry.

  public void clipByQuery(Context ctx) {
    ctx.json(ClipView.of(ClipLookup.require(corpus, queryKey(ctx), "key"), corpus));
  }

  public void thumbnailByQuery(Context ctx) throws IOException {
    media(
        ctx,
        corpus.layout().thumbnail(ClipLookup.require(corpus, queryKey(ctx), "key").key()),
        "thumbnail");
  }

  public void previewByQuery(Context ctx) throws IOException {
    media(
        ctx,
        corpus.layout().preview(ClipLookup.require(corpus, queryKey(ctx), "key").key()),
        "preview");
  }

  private static String queryKey(Context ctx) {
    return Params.string(ctx, "key")
        .orElseThrow(() -> ApiException.badRequest("key", "the query parameter key is required"));
  }

  private String clipKey(Context ctx) {
    return ClipLookup.require(corpus, ctx.pathParam("key"), "key").key();
  }

  private void media(Context ctx, Path file, String what) throws IOException {
    Path mediaRoot = corpus.layout().media().toAbsolutePath().normalize();
    Path target = file.toAbsolutePath().normalize();
    if (!target.startsWith(mediaRoot) || !Files.isRegularFile(target)) {
      throw ApiException.notFound("key", "the clip has no " + what);
    }
    Path real = target.toRealPath();
    if (!real.startsWith(mediaRoot.toRealPath())) {
      throw ApiException.notFound("key", "the clip has no " + what);
    }
    ctx.contentType(contentType(real));
    ctx.header("Cache-Control", "max-age=3600");
    ctx.header("Accept-Ranges", "bytes");
    long size = Files.size(real);
    Optional<ByteRange> range = ByteRange.parse(ctx.header("Range"), size);
    if (range.isPresent()) {
      ctx.status(206).header("Content-Range", range.get().contentRange());
      ctx.header("Content-Length", String.valueOf(range.get().length()));
      ctx.result(range.get().open(real));
    } else {
      ctx.header("Content-Length", String.valueOf(size));
      ctx.result(Files.newInputStream(real));
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".webp")) {
      return "image/webp";
    }
    if (name.endsWith(".gif")) {
      return "image/gif";
    }
    if (name.endsWith(".mp4")) {
      return "video/mp4";
    }
    return "application/octet-stream";
  }
}
