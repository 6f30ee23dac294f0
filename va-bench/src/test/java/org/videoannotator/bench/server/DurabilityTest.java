package org.videoannotator.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * The server in a child JVM takes concurrent annotations, is killed with SIGKILL mid-burst, and
 * after a restart has every annotation it acknowledged.
 */
@Tag("slow") // kill -9 of a child server
class DurabilityTest {
  @TempDir Path temp;

  @Test
  void everyAcknowledgedAnnotationSurvivesKillMinus9() throws Exception {
    Path dir = temp.resolve("corpus");
    SyntheticCorpora.copyOf(dir, 3000, 32, 7).close();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      keys.add(SyntheticCorpora.key(i));
    }
    DurabilityCheck.Report report =
        DurabilityCheck.run(dir, "crash", keys, 4, Duration.ofSeconds(3));
    assertTrue(report.acknowledged() > 20, report.toString());
    assertEquals(0, report.missing(), report.toString());
    assertEquals(report.acknowledged(), report.found(), report.toString());
    // Unacknowledged writes may or may not have landed; the log never has more than was sent.
    assertTrue(report.eventsAfterRestart() >= report.acknowledged(), report.toString());
    System.out.println("durability: " + report);
  }
}
