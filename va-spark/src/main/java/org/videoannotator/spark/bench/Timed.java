package org.videoannotator.spark.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one timed run cost: wall seconds and the CPU seconds the whole process spent meanwhile
 * (every thread: workers, Spark's driver and scheduler, GC and JIT). On a shared machine the wall
 * time swings with other processes' load; the CPU time much less, so per-core figures come both
 * ways.
 */
record Timed(
    double wallSeconds,
    double cpuSeconds,
    double taskCpuSeconds,
    Map<String, Double> threads,
    long diskBytes) {
  private static final Path IO = Path.of("/proc/self/io");

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The work a run times. */
  interface Work {
    void run() throws Exception;
  }

  static Timed of(Work work) throws Exception {
    return of(work, null);
  }

  /** A run of Spark jobs; {@code tasks} reads their tasks' CPU. */
  static Timed of(Work work, TaskCpu tasks) throws Exception {
    long taskCpu = tasks == null ? 0 : tasks.nanos();
    ThreadCpu threads = ThreadCpu.now();
    long disk = diskReadBytes();
    long cpu = OS.getProcessCpuTime();
    long started = System.nanoTime();
    work.run();
    double wall = (System.nanoTime() - started) / 1e9;
    double processCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
    Map<String, Double> byThread = ThreadCpu.now().since(threads, processCpu);
    long read = diskReadBytes() - disk;
    if (tasks != null) {
      taskCpu = tasks.nanos() - taskCpu;
    }
    return new Timed(wall, processCpu, taskCpu / 1e9, byThread, read);
  }

  /**
   * Bytes the process has had read from storage so far (Linux's {@code read_bytes}: page-cache
   * misses, a mapping's page faults included); 0 where the kernel does not say.
   */
  private static long diskReadBytes() {
    try {
      for (String line : Files.readAllLines(IO)) {
        if (line.startsWith("read_bytes:")) {
          return Long.parseLong(line.substring("read_bytes:".length()).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Rows per second per core of wall time, {@code cores} being the cores the run was given. */
  double rowsPerCoreSecond(long rows, int cores) {
    return rows / wallSeconds / cores;
  }

  /** Rows per CPU second: the per-core throughput whatever else the machine runs. */
  double rowsPerCpuSecond(long rows) {
    return rows / cpuSeconds;
  }
}
