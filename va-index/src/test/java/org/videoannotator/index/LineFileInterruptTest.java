package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while reading (a cancelled build) must not break the file for everyone: a
 * plain FileChannel closes itself on such an interrupt, and every later read then failed.
 */
class LineFileInterruptTest {
  @TempDir Path dir;

  @Test
  void interruptedReadersLeaveTheFileReadableForEveryone() throws Exception {
    Path path = dir.resolve("clips.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      lines.add("{\"row\":" + i + ",\"text\":\"" + "x".repeat(200) + "\"}");
    }
    try (LineFile file = LineFile.open(path, 0, true)) {
      file.append(lines);
      AtomicInteger readsAfterInterrupt = new AtomicInteger();
      Thread reader =
          new Thread(
              () -> {
                for (int pass = 0; pass < 200; pass++) {
                  for (int row = 0; row < lines.size(); row += 7) {
                    file.line(row);
                    if (Thread.currentThread().isInterrupted()) {
                      readsAfterInterrupt.incrementAndGet();
                    }
                  }
                }
              });
      reader.start();
      // Real interrupts during real reads: each one closes the channel under the reader.
      for (int i = 0; i < 50 && reader.isAlive(); i++) {
        reader.interrupt();
        Thread.sleep(2);
      }
      reader.join();
      assertTrue(
          readsAfterInterrupt.get() > 0, "the reader kept reading with its interrupt flag set");
      // Other threads (and this one) still read every row, and appends still work.
      for (int row = 0; row < lines.size(); row++) {
        assertEquals(lines.get(row), file.line(row));
      }
      file.append(List.of("{\"row\":2000}"));
      assertEquals("{\"row\":2000}", file.line(2_000));
    }
  }

  @Test
  void anInterruptedAppendIsCompletedAndKeepsTheFlag() throws Exception {
    Path path = dir.resolve("clips.jsonl");
    try (LineFile file = LineFile.open(path, 0, true)) {
      Thread.currentThread().interrupt();
      try {
        file.append(List.of("a", "b"));
        assertTrue(Thread.currentThread().isInterrupted(), "the caller keeps its interrupt status");
      } finally {
        Thread.interrupted();
      }
      assertEquals("b", file.line(1));
    }
    try (LineFile reopened = LineFile.open(path, 2, false)) {
      assertEquals("a", reopened.line(0));
    }
  }
}
