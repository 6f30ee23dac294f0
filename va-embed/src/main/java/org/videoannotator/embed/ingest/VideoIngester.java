package org.videoannotator.embed.ingest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.FileHash;
import org.videoannotator.index.Corpus;

/**
 * Ingests one video file into a corpus: skip it if its content hash is already there, else process
 * it ({@link VideoProcessor}: shots, vectors, media written into the corpus), then append all its
 * clips in one atomic call and record the hash ({@link VideoCommit}). Media first and clips last,
 * so a run killed midway leaves either nothing of the video in the corpus or all of it; a video
 * that was appended but not recorded is finished by the next run.
 */
final class VideoIngester {
  private final Corpus corpus;
  private final VideoProcessor processor;
  private final IngestOptions options;
  private final Object appendLock = new Object();

  /** Content hashes taken by a file of this run, so a copy in the same batch is not done twice. */
  private final Map<String, String> claimed = new ConcurrentHashMap<>();

  VideoIngester(Corpus corpus, Embedder embedder, IngestOptions options) {
    this.corpus = corpus;
    this.processor =
        new VideoProcessor(embedder, options.sampleFps(), options.threads() > 1 ? 1 : 2);
    this.options = options;
  }

  FileResult ingest(VideoFiles.Candidate candidate) throws IOException {
    long started = System.nanoTime();
    String file = candidate.file().toString();
    String video = candidate.videoId();
    String hash = FileHash.sha256(candidate.file());
    if (corpus.isVideoIngested(hash)) {
      return VideoCommit.alreadyIngested(corpus, file, video, hash);
    }
    String twin = claimed.putIfAbsent(hash, video);
    if (twin != null) {
      return FileResult.skipped(file, video, "same content as " + twin + " in this run");
    }
    ProcessedVideo processed =
        processor.process(
            candidate.file(),
            file,
            video,
            candidate.file().toAbsolutePath().normalize().toString(),
            hash,
            corpus.layout());
    options.beforeAppend().accept(video);
    FileResult result;
    synchronized (appendLock) {
      result = VideoCommit.commit(corpus, processed);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new FileResult(
        result.file(),
        result.video(),
        result.status(),
        result.reason(),
        result.shots(),
        result.frames(),
        seconds,
        result.warnings());
  }
}
