package org.videoannotator.spark.score;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;

/**
 * The data pages of one uncompressed, unencrypted column chunk without a dictionary, one page at a
 * time: from a stream into one reused buffer ({@link #ofStream}), or as views of the chunk's bytes
 * mapped from a local file ({@link #ofBytes}: no copy, and no Hadoop checksum stream). parquet-mr's
 * row group reader would read the whole chunk (a row group's worth of vectors, ~128 MB) into fresh
 * heap buffers first: garbage the size of the table, collected as humongous objects.
 */
abstract class UncompressedChunkPages implements PageReader {
  private final ColumnChunkMetaData chunk;
  private long valuesLeft;

  private UncompressedChunkPages(ColumnChunkMetaData chunk) {
    this.chunk = chunk;
    this.valuesLeft = chunk.getValueCount();
  }

  /** The chunk's pages read from {@code in}, a stream of its file. */
  static UncompressedChunkPages ofStream(SeekableInputStream in, ColumnChunkMetaData chunk)
      throws IOException {
    in.seek(chunk.getStartingPos());
    return new UncompressedChunkPages(chunk) {
      private byte[] buffer = new byte[0];

      @Override
      PageHeader nextHeader() throws IOException {
        return Util.readPageHeader(in);
      }

      @Override
      ByteBuffer body(int size) throws IOException {
        if (buffer.length < size) {
          buffer = new byte[Math.max(size, buffer.length * 2)];
        }
        in.readFully(buffer, 0, size);
        return ByteBuffer.wrap(buffer, 0, size);
      }
    };
  }

  /** The chunk's pages as views of {@code bytes}, the chunk's whole byte range. */
  static UncompressedChunkPages ofBytes(ByteBuffer bytes, ColumnChunkMetaData chunk) {
    InputStream headers =
        new InputStream() {
          @Override
          public int read() {
            return bytes.hasRemaining() ? bytes.get() & 0xff : -1;
          }

          @Override
          public int read(byte[] to, int offset, int length) {
            int n = Math.min(length, bytes.remaining());
            bytes.get(to, offset, n);
            return n == 0 && length > 0 ? -1 : n;
          }
        };
    return new UncompressedChunkPages(chunk) {
      @Override
      PageHeader nextHeader() throws IOException {
        return Util.readPageHeader(headers);
      }

      @Override
      ByteBuffer body(int size) throws IOException {
        if (size > bytes.remaining()) {
          throw new EOFException(chunk.getPath() + ": a page runs past its column chunk");
        }
        ByteBuffer page = bytes.slice(bytes.position(), size);
        bytes.position(bytes.position() + size);
        return page;
      }
    };
  }

  /** The next page's header. */
  abstract PageHeader nextHeader() throws IOException;

  /** The next {@code size} bytes, the body of the page whose header was just read. */
  abstract ByteBuffer body(int size) throws IOException;

  /** Whether a chunk can be read this way. */
  static boolean fits(ColumnChunkMetaData chunk) {
    return chunk.getCodec() == CompressionCodecName.UNCOMPRESSED
        && !chunk.hasDictionaryPage()
        && !chunk.isEncrypted();
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return null;
  }

  @Override
  public long getTotalValueCount() {
    return chunk.getValueCount();
  }

  /** The next data page (its bytes valid until the next call), null after the last. */
  @Override
  public DataPage readPage() {
    try {
      while (valuesLeft > 0) {
        PageHeader header = nextHeader();
        DataPage page = page(header, body(header.getCompressed_page_size()));
        if (page != null) {
          valuesLeft -= page.getValueCount();
          return page;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(chunk.getPath() + ": cannot read a page", e);
    }
  }

  /** A data page over its body; null for a page that holds no values (an index page). */
  private DataPage page(PageHeader header, ByteBuffer body) {
    int size = body.remaining();
    switch (header.getType()) {
      case DATA_PAGE -> {
        DataPageHeader v1 = header.getData_page_header();
        return new DataPageV1(
            BytesInput.from(body),
            v1.getNum_values(),
            size,
            null,
            encoding(v1.getRepetition_level_encoding()),
            encoding(v1.getDefinition_level_encoding()),
            encoding(v1.getEncoding()));
      }
      case DATA_PAGE_V2 -> {
        DataPageHeaderV2 v2 = header.getData_page_header_v2();
        int repeats = v2.getRepetition_levels_byte_length();
        int defines = v2.getDefinition_levels_byte_length();
        return DataPageV2.uncompressed(
            v2.getNum_rows(),
            v2.getNum_nulls(),
            v2.getNum_values(),
            BytesInput.from(body.slice(0, repeats)),
            BytesInput.from(body.slice(repeats, defines)),
            encoding(v2.getEncoding()),
            BytesInput.from(body.slice(repeats + defines, size - repeats - defines)),
            null);
      }
      case DICTIONARY_PAGE ->
          throw new IllegalStateException(chunk.getPath() + ": a dictionary page in a plain chunk");
      default -> {
        return null;
      }
    }
  }

  /** parquet-mr's encoding of the file format's one (the two enums share their names). */
  private static Encoding encoding(Enum<?> format) {
    return Encoding.valueOf(format.name());
  }
}
