package org.videoannotator.bench.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.UserException;

class WholeProcessTest {
  @Test
  void timesARealProcessWithItsChildrensCpu() {
    // a child that burns a little CPU in a grandchild: bash's times counts waited-for descendants
    WholeProcess.Run run =
        WholeProcess.run(
            List.of(
                "bash", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo counted $i"));
    assertTrue(run.output().contains("counted 20000"), run.output());
    assertTrue(run.cpuSeconds() > 0, "cpu " + run.cpuSeconds());
    assertTrue(run.wallSeconds() >= 0);
  }

  @Test
  void aFailingCommandNamesItselfAndItsLastLine() {
    UserException e =
        assertThrows(
            UserException.class,
            () -> WholeProcess.run(List.of("bash", "-c", "echo no such data set >&2; exit 3")));
    assertTrue(
        e.getMessage().contains("exit 3") && e.getMessage().contains("no such data set"),
        e.getMessage());
  }

  @Test
  void readsBashTimesOutput() {
    assertEquals(
        62.5 + 0.25, WholeProcess.childrenCpu("0m0.010s 0m0.002s\n1m2.500s 0m0.250s\n"), 1e-9);
  }
}
