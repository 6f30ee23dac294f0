package org.videoannotator.embed.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.embed.media.PreviewWriter;
import org.videoannotator.embed.media.ThumbnailWriter;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.FileHash;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.ShotDetector;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Shots;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.VideoInfo;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;

/**
 * Ingests one video file into a corpus: skip it if its content hash is already there, else decode
 * it once (the shot detector and the frame sampler fed by the same frames), embed every shot,
 * write thumbnails and previews, then append all its clips in one atomic call and record the hash.
 * Media first and clips last, so a run killed midway leaves either nothing of the video in the
 * corpus or all of it; a video that was appended but not recorded is finished by the next run.
 */
final class VideoIngester {
  /** Frames kept for thumbnails need at least this short side (320 px wide at 16:9). */
  static final int MEDIA_SHORT_SIDE = 180;
  private static final double FALLBACK_FPS = 25;

  private final Corpus corpus;
  private final Embedder embedder;
  private final IngestOptions options;
  private final Object appendLock = new Object();
  /** Content hashes taken by a file of this run, so a copy in the same batch is not done twice. */
  private final Map<String, String> claimed = new ConcurrentHashMap<>();

  VideoIngester(Corpus corpus, Embedder embedder, IngestOptions options) {
    this.corpus = corpus;
    this.embedder = embedder;
    this.options = options;
  }

  FileResult ingest(VideoFiles.Candidate candidate) throws IOException {
    long started = System.nanoTime();
    String file = candidate.file().toString();
    String video = candidate.videoId();
    String hash = FileHash.sha256(candidate.file());
    if (corpus.isVideoIngested(hash)) {
      var known = corpus.ingestedVideos().get(hash);
      return FileResult.skipped(file, video, "already ingested"
          + (known != null && !known.video().equals(video) ? " as " + known.video() : ""));
    }
    String twin = claimed.putIfAbsent(hash, video);
    if (twin != null) {
      return FileResult.skipped(file, video, "same content as " + twin + " in this run");
    }
    List<String> warnings = new ArrayList<>();
    VideoDecoder decoder = new VideoDecoder();
    double fps = decoder.probe(candidate.file()).fps();
    if (!(fps > 0) || Double.isInfinite(fps)) {
      warnings.add("no frame rate in the container; assumed " + FALLBACK_FPS);
      fps = FALLBACK_FPS;
    }
    int shortSide = Math.max(embedder.minFrameShortSide(), MEDIA_SHORT_SIDE);
    DecodeOptions decode = DecodeOptions.defaults()
        .withImageShortSide(shortSide)
        .withThreads(options.threads() > 1 ? 1 : 2);
    ShotDetector detector = new ShotDetector();
    FrameSampler sampler = new FrameSampler(fps, options.sampleFps(), shortSide);
    VideoInfo info = decoder.decode(candidate.file(), decode, FrameSink.tee(detector.sink(), sampler));
    warnings.addAll(info.problems());
    List<ShotSpan> spans = Shots.fromTransitions(info.frameCount(), detector.finish());
    List<ShotAssembler.Shot> shots = ShotAssembler.assemble(spans, sampler.samples(), fps);
    Captions captions = Captions.forVideo(candidate.file());
    String title = VideoFiles.title(candidate.file());
    String source = candidate.file().toAbsolutePath().toString();

    List<ClipVector> batch = new ArrayList<>(shots.size());
    for (ShotAssembler.Shot shot : shots) {
      ShotSpan span = shot.span();
      String key = video + "|" + span.first();
      double start = span.first() / fps;
      double end = (span.last() + 1) / fps;
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("shot", String.valueOf(span.index()));
      extra.put("contentHash", hash);
      Clip clip = new Clip(key, video, source, title, start, end, span.first(), span.last(), fps, -1,
          captions.textOfShot(start, end), extra);
      ShotFrames frames = shot.frames();
      batch.add(new ClipVector(clip, embedder.embedShot(frames)));
      List<BufferedImage> images = frames.frames().stream().map(SampledFrame::image).toList();
      ThumbnailWriter.write(images.get(shot.samples().indexOf(shot.keyframe())), corpus.thumbnailPath(key));
      PreviewWriter.write(images, corpus.previewPath(key));
    }
    long borrowed = shots.stream().filter(ShotAssembler.Shot::borrowedFrame).count();
    if (borrowed > 0) {
      warnings.add(borrowed + " very short shots had no sampled frame and used their neighbour's");
    }
    options.beforeAppend().accept(video);
    synchronized (appendLock) {
      AppendResult appended = corpus.appendOrSkip(batch);
      if (!appended.skipped().isEmpty()) {
        warnings.add(appended.skipped().size() + " clips were already in the corpus (an earlier"
            + " run stopped after appending them) and were kept");
      }
      corpus.markVideoIngested(hash, video, batch.size());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new FileResult(file, video, FileResult.OK, "", batch.size(), info.frameCount(), seconds, warnings);
  }
}
