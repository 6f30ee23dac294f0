package org.videoannotator.spark.score;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.core.UserException;
import org.videoannotator.spark.parquet.VectorColumn;

/**
 * The (key, vector) rows of one partition of Spark's scan, one at a time, each vector copied
 * straight into the scorer's block of floats (a binary column of Parquet files is read from its
 * pages instead, by {@link ParquetSliceScorer}).
 */
final class VectorCursor {
  private final Iterator<InternalRow> rows;
  private final boolean binary;
  private InternalRow row;

  private VectorCursor(Iterator<InternalRow> rows, boolean binary) {
    this.rows = rows;
    this.binary = binary;
  }

  /** Rows of a scan (either vector column kind). */
  static VectorCursor ofRows(Iterator<InternalRow> rows, boolean binary) {
    return new VectorCursor(rows, binary);
  }

  /** Moves to the next row; false at the end of the partition. */
  boolean next() {
    row = rows.hasNext() ? rows.next() : null;
    return row != null;
  }

  /** The row's key as a string of its own, kept after {@link #next}. */
  UTF8String ownKey() {
    return row.getUTF8String(0).clone();
  }

  String key() {
    return row.getUTF8String(0).toString();
  }

  /**
   * Copies the row's vector to {@code block[offset..offset + dim)}, refusing a vector of another
   * dimension with a message naming the clip.
   */
  void copyVector(float[] block, int offset, int dim) {
    if (row.isNullAt(1)) {
      throw noVector(key());
    }
    if (binary) {
      copyBinary(row.getBinary(1), block, offset, dim, this);
      return;
    }
    float[] vector = row.getArray(1).toFloatArray();
    check(vector.length, dim, this);
    System.arraycopy(vector, 0, block, offset, dim);
  }

  private static void copyBinary(
      byte[] bytes, float[] block, int offset, int dim, VectorCursor cursor) {
    check(bytes.length % Float.BYTES == 0 ? bytes.length / Float.BYTES : -1, dim, cursor);
    float[] vector = VectorColumn.decode(bytes, cursor.key());
    System.arraycopy(vector, 0, block, offset, dim);
  }

  private static void check(int length, int dim, VectorCursor cursor) {
    if (length != dim) {
      BadVector.check(length < 0 ? BadVector.NOT_FLOATS : length, dim, cursor.key());
    }
  }

  private static UserException noVector(String key) {
    return new BadVector(0, BadVector.NONE).error(key, 0);
  }
}
