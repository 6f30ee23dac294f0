package org.videoannotator.spark.score;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.core.UserException;
import org.videoannotator.spark.parquet.VectorColumn;

/**
 * The (key, vector) rows of one scanned partition, one at a time, each vector copied straight into
 * the scorer's block of floats: the rows of Spark's scan (a binary column of Parquet files is read
 * from its pages instead, by {@link ParquetSliceScorer}).
 */
abstract class VectorCursor {
  /** Moves to the next row; false at the end of the partition. */
  abstract boolean next();

  /** The row's key as Spark holds it (valid until the next call of {@link #next}). */
  abstract UTF8String rawKey();

  /** The row's key as a string of its own, kept after {@link #next}. */
  UTF8String ownKey() {
    return rawKey().clone();
  }

  String key() {
    return rawKey().toString();
  }

  /**
   * Copies the row's vector to {@code block[offset..offset + dim)}, refusing a vector of another
   * dimension with a message naming the clip.
   */
  abstract void copyVector(float[] block, int offset, int dim);

  /** Rows of a scan (either vector column kind). */
  static VectorCursor ofRows(Iterator<InternalRow> rows, boolean binary) {
    return new VectorCursor() {
      private InternalRow row;

      @Override
      boolean next() {
        row = rows.hasNext() ? rows.next() : null;
        return row != null;
      }

      @Override
      UTF8String rawKey() {
        return row.getUTF8String(0);
      }

      @Override
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
    };
  }

  private static void copyBinary(
      byte[] bytes, float[] block, int offset, int dim, VectorCursor cursor) {
    check(bytes.length % Float.BYTES == 0 ? bytes.length / Float.BYTES : -1, dim, cursor);
    float[] vector = VectorColumn.decode(bytes, cursor.key());
    System.arraycopy(vector, 0, block, offset, dim);
  }

  static void check(int length, int dim, VectorCursor cursor) {
    if (length != dim) {
      BadVector.check(length < 0 ? BadVector.NOT_FLOATS : length, dim, cursor.key());
    }
  }

  static UserException noVector(String key) {
    return new BadVector(0, BadVector.NONE).error(key, 0);
  }
}
