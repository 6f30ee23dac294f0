package org.videoannotator.embed.video;

/**
 * FFmpeg's failures, as JavaCV words them ({@code avformat_open_input() error -1094995529: Could
 * not open input "x". (Has setFormat() been called?)}), in plain words for ingest reasons and
 * errors: what is wrong with the file, not which library call failed.
 */
final class FfmpegWords {
  private FfmpegWords() {}

  static String plain(Throwable failure) {
    String m =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    if (m.contains("avformat_open_input")) {
      return "not a video format FFmpeg recognises, or the file is damaged";
    }
    if (m.contains("avformat_find_stream_info")) {
      return "its streams cannot be read: the file is damaged or incomplete";
    }
    if (m.contains("avcodec_open2")
        || m.contains("avcodec_find_decoder")
        || m.contains("avcodec_alloc")) {
      return "its video codec cannot be decoded here";
    }
    if (m.contains("av_read_frame")
        || m.contains("avcodec_send_packet")
        || m.contains("avcodec_receive_frame")) {
      return "a frame cannot be decoded: the file is damaged or truncated";
    }
    if (m.contains("sws_")) {
      return "a frame cannot be converted to an image";
    }
    // Anything else: without the call names and the hint meant for JavaCV's programmers.
    return m.replaceAll("\\s*\\(Has setFormat\\(\\) been called\\?\\)", "")
        .replaceAll("\\b[a-z_0-9]+\\(\\) error -?\\d+:\\s*", "")
        .strip();
  }
}
