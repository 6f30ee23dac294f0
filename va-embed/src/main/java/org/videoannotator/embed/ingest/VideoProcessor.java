package org.videoannotator.embed.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.embed.media.PreviewWriter;
import org.videoannotator.embed.media.ThumbnailWriter;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Shots;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.VideoInfo;
import org.videoannotator.embed.video.shots.ShotDetector;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.CorpusLayout;

/**
 * The work of ingesting one video, without a corpus: decode it once (the shot detector and the
 * frame sampler fed by the same frames), embed every shot, and write each shot's thumbnail and
 * preview where {@code media} says. {@code va ingest} points {@code media} at the corpus itself; a
 * Spark task points it at a staging folder that the driver moves into the corpus. One code path, so
 * both give the same keys, shots and vectors. Thread-safe when the embedder is.
 */
public final class VideoProcessor {
  /** Frames kept for thumbnails need at least this short side (320 px wide at 16:9). */
  static final int MEDIA_SHORT_SIDE = 180;

  private static final double FALLBACK_FPS = 25;

  private final Embedder embedder;
  private final double sampleFps;
  private final int decodeThreads;

  /**
   * @param sampleFps frames sampled per second for embedding and previews
   * @param decodeThreads FFmpeg decoding threads per video (1 when videos run side by side)
   */
  public VideoProcessor(Embedder embedder, double sampleFps, int decodeThreads) {
    this.embedder = embedder;
    this.sampleFps = sampleFps;
    this.decodeThreads = decodeThreads;
  }

  /**
   * Processes {@code local}, a readable copy of the video named {@code file}.
   *
   * @param video the id its clips carry (keys are {@code video|firstFrame})
   * @param source what clips record as their source (the path or URI users know it by)
   * @param contentHash sha-256 hex of its bytes
   * @param media where thumbnails and previews are written ({@link CorpusLayout#thumbnail})
   */
  public ProcessedVideo process(
      Path local, String file, String video, String source, String contentHash, CorpusLayout media)
      throws IOException {
    long started = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    VideoDecoder decoder = new VideoDecoder();
    double fps = decoder.probe(local).fps();
    if (!(fps > 0) || Double.isInfinite(fps)) {
      warnings.add("no frame rate in the container; assumed " + FALLBACK_FPS);
      fps = FALLBACK_FPS;
    }
    int shortSide = Math.max(embedder.minFrameShortSide(), MEDIA_SHORT_SIDE);
    DecodeOptions decode =
        DecodeOptions.defaults().withImageShortSide(shortSide).withThreads(decodeThreads);
    ShotDetector detector = new ShotDetector();
    FrameSampler sampler = new FrameSampler(fps, sampleFps, shortSide);
    VideoInfo info = decoder.decode(local, decode, FrameSink.tee(detector.sink(), sampler));
    warnings.addAll(info.problems());
    List<ShotSpan> spans = Shots.fromTransitions(info.frameCount(), detector.finish());
    List<ShotAssembler.Shot> shots = ShotAssembler.assemble(spans, sampler.samples(), fps);
    Captions captions = Captions.forVideo(local);
    String title = VideoFiles.title(Path.of(fileName(file)));

    List<ClipVector> clips = new ArrayList<>(shots.size());
    for (ShotAssembler.Shot shot : shots) {
      ShotSpan span = shot.span();
      String key = video + "|" + span.first();
      double start = span.first() / fps;
      double end = (span.last() + 1) / fps;
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("shot", String.valueOf(span.index()));
      extra.put("contentHash", contentHash);
      Clip clip =
          new Clip(
              key,
              video,
              source,
              title,
              start,
              end,
              span.first(),
              span.last(),
              fps,
              -1,
              captions.textOfShot(start, end),
              extra);
      ShotFrames frames = shot.frames();
      clips.add(new ClipVector(clip, embedder.embedShot(frames)));
      List<BufferedImage> images = frames.frames().stream().map(SampledFrame::image).toList();
      ThumbnailWriter.write(
          images.get(shot.samples().indexOf(shot.keyframe())), media.thumbnail(key));
      PreviewWriter.write(images, media.preview(key));
    }
    long borrowed = shots.stream().filter(ShotAssembler.Shot::borrowedFrame).count();
    if (borrowed > 0) {
      warnings.add(borrowed + " very short shots had no sampled frame and used their neighbour's");
    }
    return new ProcessedVideo(
        file,
        video,
        contentHash,
        clips,
        info.frameCount(),
        (System.nanoTime() - started) / 1e9,
        warnings);
  }

  /** The last segment of a path or URI. */
  private static String fileName(String file) {
    String trimmed = file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
