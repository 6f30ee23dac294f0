package org.videoannotator.core.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;

class FloatMatrixTest {
  @TempDir Path dir;

  @Test
  void mapsFloatsAtAnOffsetInEitherByteOrder() throws Exception {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      ByteBuffer buf = ByteBuffer.allocate(16 + 6 * 4).order(order);
      buf.position(16);
      for (int i = 0; i < 6; i++) {
        buf.putFloat(i * 1.5f);
      }
      Path file = dir.resolve("m-" + order + ".bin");
      Files.write(file, buf.array());
      try (FloatMatrix m = FloatMatrix.map(file, 16, 2, 3, order)) {
        assertArrayEquals(new float[] {4.5f, 6f, 7.5f}, m.row(1));
        assertEquals(1.5f, m.get(0, 1));
      }
    }
  }

  @Test
  void truncatedFileNamesTheFileAndTheShape() throws Exception {
    Path file = dir.resolve("short.bin");
    Files.write(file, new byte[10]);
    UserException e =
        assertThrows(
            UserException.class, () -> FloatMatrix.map(file, 0, 2, 3, ByteOrder.LITTLE_ENDIAN));
    assertTrue(
        e.getMessage().contains("short.bin") && e.getMessage().contains("2 x 3"), e.getMessage());
  }

  @Test
  void keyIndexRejectsDuplicatesWithBothRows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> KeyIndex.of(List.of("a", "b", "a"), "x.csv"));
    assertEquals("x.csv: duplicate key 'a' at rows 0 and 2", e.getMessage());
    KeyIndex ok = KeyIndex.of(List.of("a|1", "b|2"), "y");
    assertEquals(1, ok.rowOf("b|2"));
    assertEquals(-1, ok.rowOf("c"));
  }
}
