package org.videoannotator.embed.ingest;

import java.util.ArrayList;
import java.util.List;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.Corpus;

/**
 * Appends a processed video to a corpus in one atomic call, then records its content hash. Clips
 * appended by an earlier run that stopped before recording the hash are kept, not doubled, so a
 * killed run resumes cleanly. The media must already be in the corpus: media first, clips last.
 */
public final class VideoCommit {
  private VideoCommit() {}

  /** Appends {@code video}; the caller serialises commits to one corpus. */
  public static FileResult commit(Corpus corpus, ProcessedVideo video) {
    List<String> warnings = new ArrayList<>(video.warnings());
    AppendResult appended = corpus.appendOrSkip(video.clips());
    if (!appended.skipped().isEmpty()) {
      warnings.add(
          appended.skipped().size()
              + " clips were already in the corpus (an earlier"
              + " run stopped after appending them) and were kept");
    }
    corpus.markVideoIngested(video.contentHash(), video.video(), video.clips().size());
    return new FileResult(
        video.file(),
        video.video(),
        FileResult.OK,
        "",
        video.clips().size(),
        video.frames(),
        video.seconds(),
        warnings);
  }

  /** The result of a file already in the corpus (same content hash). */
  public static FileResult alreadyIngested(
      Corpus corpus, String file, String video, String contentHash) {
    var known = corpus.ingestedVideos().get(contentHash);
    return FileResult.skipped(
        file,
        video,
        "already ingested"
            + (known != null && !known.video().equals(video) ? " as " + known.video() : ""));
  }
}
