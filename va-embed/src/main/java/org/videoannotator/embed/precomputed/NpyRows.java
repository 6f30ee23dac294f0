package org.videoannotator.embed.precomputed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoannotator.core.UserException;

/**
 * A NumPy {@code .npy} file holding a 2-D C-order array of little-endian float32 ({@code <f4}) or
 * float64 ({@code <f8}), format versions 1 to 3. Rows are read with positional reads.
 */
final class NpyRows implements RowSource {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE =
      Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final int rows;
  private final int dim;
  private final int itemSize;

  NpyRows(Path file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(head, 0);
      head.flip();
      byte[] magic = new byte[6];
      if (head.remaining() < 10) {
        throw bad("shorter than an .npy header");
      }
      head.get(magic);
      if (magic[0] != (byte) 0x93
          || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
        throw bad("no .npy magic number");
      }
      int major = head.get() & 0xff;
      head.get();
      int headerLength;
      int prefix;
      if (major == 1) {
        headerLength = head.getShort() & 0xffff;
        prefix = 10;
      } else {
        headerLength = head.getInt();
        prefix = 12;
      }
      ByteBuffer header = ByteBuffer.allocate(headerLength);
      channel.read(header, prefix);
      String dict = new String(header.array(), StandardCharsets.ISO_8859_1);
      String descr = group(DESCR, dict, "descr");
      itemSize =
          switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default ->
                throw bad(
                    "dtype '"
                        + descr
                        + "' is not supported; save float32 or float64 (little-endian)");
          };
      if (group(FORTRAN, dict, "fortran_order").equals("True")) {
        throw bad("Fortran order is not supported; save with np.ascontiguousarray");
      }
      Matcher shape = SHAPE.matcher(dict);
      if (!shape.find()) {
        throw bad("shape is not 2-D (rows, dim): " + dict.strip());
      }
      rows = Integer.parseInt(shape.group(1));
      dim = Integer.parseInt(shape.group(2));
      dataStart = prefix + headerLength;
      long expected = dataStart + (long) rows * dim * itemSize;
      if (channel.size() < expected) {
        throw bad(
            "holds "
                + channel.size()
                + " bytes, its header promises "
                + expected
                + " (truncated?)");
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private String group(Pattern p, String dict, String name) {
    Matcher m = p.matcher(dict);
    if (!m.find()) {
      throw bad("header has no '" + name + "': " + dict.strip());
    }
    return m.group(1);
  }

  private UserException bad(String why) {
    return new UserException(file + " is not a usable .npy file: " + why);
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public float[][] read(int from, int count) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(count * dim * itemSize).order(ByteOrder.LITTLE_ENDIAN);
    long position = dataStart + (long) from * dim * itemSize;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, position + buf.position());
      if (n < 0) {
        throw new IOException(file + " ended early");
      }
    }
    buf.flip();
    float[][] out = new float[count][dim];
    for (float[] row : out) {
      for (int j = 0; j < dim; j++) {
        row[j] = itemSize == 4 ? buf.getFloat() : (float) buf.getDouble();
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
