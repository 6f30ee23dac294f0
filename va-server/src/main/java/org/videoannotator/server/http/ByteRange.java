package org.videoannotator.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoannotator.server.api.ApiException;

/**
 * One byte range of a file, from a request's {@code Range} header ({@code bytes=first-last}, {@code
 * bytes=first-}, {@code bytes=-suffix}): what media players (Safari's video element first of all)
 * need to play and seek an MP4. A header that is not a single byte range is ignored (the whole
 * file, 200); a range past the end is 416 with {@code Content-Range: bytes *}.
 */
public record ByteRange(long first, long last, long size) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} header value of a 206 answer. */
  public String contentRange() {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range {@code header} asks for in a file of {@code size} bytes; empty for the whole file.
   */
  public static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches()
        || (m.group(1).isEmpty() && m.group(2).isEmpty())
        || m.group(1).length() > 18
        || m.group(2).length() > 18) {
      return Optional.empty();
    }
    long first;
    long last;
    if (m.group(1).isEmpty()) { // the last N bytes
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0) {
        throw unsatisfiable(header, size);
      }
      first = Math.max(0, size - suffix);
      last = size - 1;
    } else {
      first = Long.parseLong(m.group(1));
      last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
        return Optional.empty(); // syntactically invalid: ignored
      }
    }
    if (first >= size) {
      throw unsatisfiable(header, size);
    }
    return Optional.of(new ByteRange(first, last, size));
  }

  /** The range's bytes of {@code file}. */
  public InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(first);
    return new FilterInputStream(in) {
      private long left = length();

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        left -= b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(count, left));
        left -= Math.max(n, 0);
        return n;
      }
    };
  }

  private static ApiException unsatisfiable(String header, long size) {
    return new ApiException(
            416,
            "range-not-satisfiable",
            "Range",
            "the file has " + size + " bytes; '" + header + "' asks for none of them")
        .withHeader("Content-Range", "bytes */" + size);
  }
}
