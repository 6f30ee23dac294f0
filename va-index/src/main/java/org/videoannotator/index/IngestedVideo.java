package org.videoannotator.index;

/**
 * A video file whose shots are in the corpus, recorded by content hash so that ingesting the same
 * file again (even renamed) is skipped.
 *
 * @param contentHash hash of the file's bytes (the caller's choice of algorithm, hex)
 * @param video the video id its clips carry
 * @param shots clips appended for it
 * @param ingested ISO-8601 instant
 */
public record IngestedVideo(String contentHash, String video, int shots, String ingested) {}
