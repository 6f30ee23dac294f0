package org.videoannotator.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.global.avutil;
import org.videoannotator.core.Progress;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

/**
 * Renders the demo videos (Java2D scenes encoded with FFmpeg) with their captions ({@code .srt})
 * and ground truth ({@code .truth.json}). A video whose truth file exists was rendered completely
 * (the truth is written last, after an atomic move of the video), so a killed run resumes.
 */
final class DemoVideos {
  private DemoVideos() {}

  /** One rendered video: its file, the plan it was rendered from and the exact truth. */
  record Rendered(Path video, List<ShotPlan> plan, GroundTruth truth) {}

  static Path truthFile(Path video) {
    return video.resolveSibling(video.getFileName() + ".truth.json");
  }

  /** The scripts of every demo video, without rendering anything. */
  static List<List<ShotPlan>> plans(DemoSpec spec) {
    List<List<ShotPlan>> plans = new ArrayList<>();
    for (int i = 0; i < spec.videos(); i++) {
      plans.add(SyntheticScripts.demo(spec.videoSeed(i), spec.shotsPerVideo(), spec.fps()));
    }
    return plans;
  }

  /** Renders into {@code dir}, staging each file in {@code scratch} (outside {@code dir}). */
  static List<Rendered> renderAll(DemoSpec spec, Path dir, Path scratch, int threads) {
    try {
      Files.createDirectories(dir);
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<List<ShotPlan>> plans = plans(spec);
    // The encoder's banner and per-file notes would bury the progress bar; errors still show.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    SyntheticVideo renderer =
        new SyntheticVideo(spec.width(), spec.height(), spec.fps(), SyntheticVideo.Format.MP4_H264);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress = Progress.start("render demo videos", spec.videos(), "videos")) {
      List<Future<Rendered>> futures = new ArrayList<>();
      for (int i = 0; i < spec.videos(); i++) {
        Path video = dir.resolve(spec.videoName(i));
        List<ShotPlan> plan = plans.get(i);
        futures.add(
            pool.submit(
                () -> {
                  Rendered r = renderOne(renderer, plan, video, scratch);
                  progress.step();
                  return r;
                }));
      }
      List<Rendered> out = new ArrayList<>();
      for (Future<Rendered> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rendering interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "rendering a demo video failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Rendered renderOne(
      SyntheticVideo renderer, List<ShotPlan> plan, Path video, Path scratch) throws IOException {
    Path truthFile = truthFile(video);
    if (Files.exists(truthFile) && Files.exists(video)) {
      return new Rendered(video, plan, GroundTruth.read(truthFile));
    }
    // Render outside the video folder: the ingest walker must never see a half-written video.
    Path tmp = scratch.resolve(video.getFileName());
    GroundTruth truth = renderer.render(plan, tmp);
    Path srt = SyntheticVideo.srtFor(tmp);
    if (Files.exists(srt)) {
      Files.move(srt, SyntheticVideo.srtFor(video), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp, video, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    truth.write(truthFile);
    return new Rendered(video, plan, truth);
  }
}
