package org.videoannotator.embed.precomputed;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Vectors stored elsewhere, read in row blocks so a large file never has to fit in memory. */
interface RowSource extends AutoCloseable {
  int rows();

  int dim();

  /** Rows {@code [from, from + count)} as float32. */
  float[][] read(int from, int count) throws IOException;

  /** Keys stored in the file itself (CSV), row by row, if any. */
  default Optional<List<String>> keys() {
    return Optional.empty();
  }

  @Override
  default void close() throws IOException {}
}
