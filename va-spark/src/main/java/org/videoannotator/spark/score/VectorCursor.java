package org.videoannotator.spark.score;

import java.nio.ByteOrder;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.core.UserException;
import org.videoannotator.spark.parquet.VectorColumn;

/**
 * The (key, vector) rows of one scanned partition, one at a time, each vector copied straight into
 * the scorer's block of floats. Binary vectors (little-endian float32) are read from Parquet's
 * column batches: on a little-endian machine their bytes are the floats' memory layout, so a vector
 * is one copy from the reader's buffer into the block, with no row or array in between.
 */
abstract class VectorCursor {
  private static final boolean NATIVE_LITTLE_ENDIAN =
      ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  /** Moves to the next row; false at the end of the partition. */
  abstract boolean next();

  /** The row's key as Spark holds it (valid until the next call of {@link #next}). */
  abstract UTF8String rawKey();

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

  /** Column batches of a scan whose vector column is binary. */
  static VectorCursor ofBatches(Iterator<ColumnarBatch> batches) {
    return new VectorCursor() {
      private ColumnarBatch batch;
      private int row = -1;

      @Override
      boolean next() {
        row++;
        while (batch == null || row >= batch.numRows()) {
          if (!batches.hasNext()) {
            return false;
          }
          batch = batches.next();
          row = 0;
        }
        return true;
      }

      @Override
      UTF8String rawKey() {
        return batch.column(0).getUTF8String(row);
      }

      @Override
      void copyVector(float[] block, int offset, int dim) {
        ColumnVector vectors = batch.column(1);
        if (vectors.isNullAt(row)) {
          throw noVector(key());
        }
        if (!NATIVE_LITTLE_ENDIAN) {
          copyBinary(vectors.getBinary(row), block, offset, dim, this);
          return;
        }
        // A view of the reader's bytes (binary and string columns share their layout), not a copy.
        UTF8String bytes = vectors.getUTF8String(row);
        check(bytes.numBytes() % Float.BYTES == 0 ? bytes.numBytes() / Float.BYTES : -1, dim, this);
        Platform.copyMemory(
            bytes.getBaseObject(),
            bytes.getBaseOffset(),
            block,
            Platform.FLOAT_ARRAY_OFFSET + (long) offset * Float.BYTES,
            (long) dim * Float.BYTES);
      }
    };
  }

  private static void copyBinary(
      byte[] bytes, float[] block, int offset, int dim, VectorCursor cursor) {
    check(bytes.length % Float.BYTES == 0 ? bytes.length / Float.BYTES : -1, dim, cursor);
    float[] vector = VectorColumn.decode(bytes, cursor.key());
    System.arraycopy(vector, 0, block, offset, dim);
  }

  private static void check(int length, int dim, VectorCursor cursor) {
    if (length != dim) {
      throw new UserException(
          "clip '"
              + cursor.key()
              + "' has "
              + (length < 0
                  ? "a binary vector that is not whole float32 values"
                  : "a vector of dimension " + length)
              + " but the model has dimension "
              + dim
              + "; score vectors made by the model's embedder");
    }
  }

  private static UserException noVector(String key) {
    return new UserException(
        "clip '" + key + "' has no vector; every row of a scored table needs one");
  }
}
