package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads embeddings files written by h5py (src/test/python/make_h5_fixtures.py), as the release was:
 * contiguous ones are memory-mapped in their stored byte order, a chunked gzip one is read onto the
 * heap; all give the same values.
 */
class H5pyFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"contiguous.h5, mapped", "big-endian.h5, mapped", "chunked-gzip.h5, heap"})
  void h5pyFileReadsAsTheHandMadeEmbeddings(String fixture, String storage) throws IOException {
    HandMadeDataset.write(dir);
    try (InputStream in = getClass().getResourceAsStream("h5/" + fixture)) {
      Files.copy(in, dir.resolve(VaDataset.EMBEDDINGS), StandardCopyOption.REPLACE_EXISTING);
    }
    try (VaDataset ds = VaDataset.open(dir)) {
      assertEquals(
          storage.equals("mapped"),
          ds.embeddings().matrix().toString().contains("mapped"),
          ds.embeddings().matrix().toString());
      for (int r = 0; r < HandMadeDataset.KEYS.length; r++) {
        assertArrayEquals(
            HandMadeDataset.embedding(r),
            ds.embeddings().vector(HandMadeDataset.KEYS[r]),
            fixture + " row " + r);
      }
    }
  }
}
