package org.videoannotator.spark.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.videoannotator.core.UserException;

/**
 * The two encodings of a table's {@code vector} column. {@code array<float>} is what other tools
 * write, but Parquet stores it as a repeated field with a repetition and a definition level per
 * float, and decoding those dominates scoring. {@code binary} holds each vector as one value of
 * {@code 4 x dim} bytes, little-endian IEEE float32 (the layout of the corpus's own vector file):
 * one length and one copy per row.
 */
public enum VectorColumn {
  ARRAY(DataTypes.createArrayType(DataTypes.FloatType, false)),
  BINARY(DataTypes.BinaryType);

  private final DataType type;

  VectorColumn(DataType type) {
    this.type = type;
  }

  public DataType type() {
    return type;
  }

  /**
   * The Parquet writer options of a table of this kind. Float vectors do not compress (snappy saved
   * 0.7 % on 512-d vectors) and never repeat, but decompressing them and the writer's dictionary
   * attempt cost time, so binary tables are written uncompressed and without a dictionary; array
   * tables keep Spark's defaults, as other tools write them.
   */
  public Map<String, String> writeOptions() {
    return this == BINARY
        ? Map.of("compression", "uncompressed", "parquet.enable.dictionary", "false")
        : Map.of();
  }

  /** The column kind named on a command line ({@code binary} or {@code array}). */
  public static VectorColumn named(String name) {
    for (VectorColumn kind : values()) {
      if (kind.name().equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new UserException("unknown vector column kind '" + name + "'; use binary or array");
  }

  /** The kind of a table's {@code vector} column, refused with the reason when it is neither. */
  public static VectorColumn of(StructType schema) {
    List<String> names = List.of(schema.fieldNames());
    if (!names.contains(ClipTable.VECTOR)) {
      throw new UserException(
          "the table has no '"
              + ClipTable.VECTOR
              + "' column (it has "
              + names
              + "); a table of vectors needs 'key' (string) and 'vector' (array of float, or binary float32)");
    }
    StructField field = schema.apply(ClipTable.VECTOR);
    DataType t = field.dataType();
    if (t instanceof BinaryType) {
      return BINARY;
    }
    if (t instanceof ArrayType a && a.elementType() instanceof FloatType) {
      return ARRAY;
    }
    throw new UserException(
        "the table's 'vector' column is "
            + t.simpleString()
            + "; it must be array<float> or binary (little-endian float32); convert other types with SQL,"
            + " e.g. SELECT key, CAST(vector AS ARRAY<FLOAT>) AS vector");
  }

  /** {@code vector} as this column kind's value. */
  public Object encode(float[] vector) {
    if (this == ARRAY) {
      return vector;
    }
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  /** The floats of a binary vector value; {@code key} names the row in the error. */
  public static float[] decode(byte[] bytes, String key) {
    if (bytes.length % Float.BYTES != 0) {
      throw new UserException(
          "clip '"
              + key
              + "' has a binary vector of "
              + bytes.length
              + " bytes, not a whole number of float32 values; binary vectors are 4 x dim bytes, little-endian");
    }
    float[] out = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
