package org.videoannotator.spark.parquet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Clip;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columns of a corpus as a table: {@code row} (its row in the corpus), {@code key}, the clip's
 * metadata, and {@code vector} (L2-normalised; array of float or binary float32, see {@link
 * VectorColumn}). Other tools need only {@code key} and {@code vector}; a table made elsewhere may
 * lack every other column.
 */
public final class ClipTable {
  public static final String ROW = "row";
  public static final String KEY = "key";
  public static final String VECTOR = "vector";

  private static final StructType METADATA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(ROW, DataTypes.LongType, false),
            DataTypes.createStructField(KEY, DataTypes.StringType, false),
            DataTypes.createStructField("video", DataTypes.StringType, true),
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("title", DataTypes.StringType, true),
            DataTypes.createStructField("start", DataTypes.DoubleType, true),
            DataTypes.createStructField("end", DataTypes.DoubleType, true),
            DataTypes.createStructField("frame_in", DataTypes.IntegerType, true),
            DataTypes.createStructField("frame_out", DataTypes.IntegerType, true),
            DataTypes.createStructField("fps", DataTypes.DoubleType, true),
            DataTypes.createStructField("cluster", DataTypes.IntegerType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true),
            DataTypes.createStructField(
                "extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true),
          });

  private ClipTable() {}

  /** The columns of an exported corpus with its vectors as {@code kind}. */
  public static StructType schema(VectorColumn kind) {
    return METADATA.add(DataTypes.createStructField(VECTOR, kind.type(), false));
  }

  static Row row(long row, Clip clip, float[] vector, VectorColumn kind) {
    return RowFactory.create(
        row,
        clip.key(),
        clip.video(),
        clip.source(),
        clip.title(),
        clip.start(),
        clip.end(),
        clip.frameIn(),
        clip.frameOut(),
        clip.fps(),
        clip.cluster(),
        clip.text(),
        CollectionConverters.asScala(clip.extra()),
        kind.encode(vector));
  }

  /**
   * Which of the optional columns a table has and how its vectors are stored, checked once per
   * table.
   */
  public record Columns(List<String> names, VectorColumn vectors) {
    public static Columns of(StructType schema) {
      List<String> names = List.of(schema.fieldNames());
      if (!names.contains(KEY)) {
        throw new UserException(
            "the table has no '"
                + KEY
                + "' column (it has "
                + names
                + "); a table of vectors needs 'key' (string) and 'vector' (array of float, or binary float32)");
      }
      return new Columns(names, VectorColumn.of(schema));
    }

    boolean has(String name) {
      return names.contains(name);
    }
  }

  /** The clip a table row describes; absent columns get neutral values. */
  static Clip clip(Row row, Columns columns) {
    String key = row.getAs(KEY);
    int bar = key.lastIndexOf('|');
    return new Clip(
        key,
        string(row, columns, "video", bar > 0 ? key.substring(0, bar) : key),
        string(row, columns, "source", ""),
        string(row, columns, "title", ""),
        number(row, columns, "start", 0).doubleValue(),
        number(row, columns, "end", 0).doubleValue(),
        number(row, columns, "frame_in", -1).intValue(),
        number(row, columns, "frame_out", -1).intValue(),
        number(row, columns, "fps", 0).doubleValue(),
        number(row, columns, "cluster", -1).intValue(),
        string(row, columns, "text", ""),
        extra(row, columns));
  }

  static float[] vector(Row row) {
    Object value = row.get(row.fieldIndex(VECTOR));
    if (value == null) {
      throw new UserException("clip '" + row.getAs(KEY) + "' has no vector");
    }
    if (value instanceof byte[] bytes) {
      return VectorColumn.decode(bytes, row.getAs(KEY));
    }
    List<Float> values = row.getList(row.fieldIndex(VECTOR));
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static String string(Row row, Columns columns, String name, String absent) {
    if (!columns.has(name) || row.isNullAt(row.fieldIndex(name))) {
      return absent;
    }
    return row.getAs(name).toString();
  }

  private static Number number(Row row, Columns columns, String name, Number absent) {
    if (!columns.has(name) || row.isNullAt(row.fieldIndex(name))) {
      return absent;
    }
    return row.getAs(name);
  }

  private static Map<String, String> extra(Row row, Columns columns) {
    if (!columns.has("extra") || row.isNullAt(row.fieldIndex("extra"))) {
      return Map.of();
    }
    return new TreeMap<>(row.getJavaMap(row.fieldIndex("extra")));
  }
}
