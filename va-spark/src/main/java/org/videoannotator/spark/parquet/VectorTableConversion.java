package org.videoannotator.spark.parquet;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.videoannotator.core.UserException;

/**
 * {@code va spark convert}: a table with its {@code vector} column re-encoded (a foreign {@code
 * array<float>} table to {@code binary}, or back), every other column and the description kept as
 * they are. A Spark job, so a table of any size converts where it lives.
 */
public final class VectorTableConversion {
  private VectorTableConversion() {}

  /**
   * Writes {@code from} to {@code to} with its vectors as {@code kind}; returns the rows written.
   */
  public static long convert(SparkSession spark, String from, String to, VectorColumn kind) {
    if (new Path(from).equals(new Path(to))) {
      throw new UserException("convert writes a new table: --out must differ from " + from);
    }
    Dataset<Row> data = spark.read().parquet(from);
    ClipTable.Columns columns = ClipTable.Columns.of(data.schema());
    if (columns.vectors() == kind) {
      throw new UserException(
          from + " already stores its vectors as " + kind + "; nothing to convert");
    }
    int index = data.schema().fieldIndex(ClipTable.VECTOR);
    StructField[] fields = data.schema().fields().clone();
    fields[index] = DataTypes.createStructField(ClipTable.VECTOR, kind.type(), false);
    Dataset<Row> converted =
        data.map(
            (MapFunction<Row, Row>)
                row -> {
                  Object[] values = new Object[row.size()];
                  for (int c = 0; c < values.length; c++) {
                    values[c] = c == index ? kind.encode(ClipTable.vector(row)) : row.get(c);
                  }
                  return RowFactory.create(values);
                },
            Encoders.row(new StructType(fields)));
    converted.write().mode(SaveMode.Overwrite).options(kind.writeOptions()).parquet(to);
    CorpusParquet.Description description = CorpusParquet.readDescription(spark, from);
    if (description != null) {
      CorpusParquet.writeDescription(spark, to, description);
    }
    return spark.read().parquet(to).count();
  }
}
