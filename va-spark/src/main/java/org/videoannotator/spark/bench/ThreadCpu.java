package org.videoannotator.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The process's CPU by kind of thread, from {@code /proc/self/task} (Linux; elsewhere empty): what
 * a timed run's CPU went to besides its work. Spark's tasks, the main thread (the Spark driver's
 * planning and commit; the single machine's calling thread), the JIT compilers, the garbage
 * collector with the VM thread, and the rest (Spark's scheduler, listener bus and block manager;
 * the single machine's worker pool, and threads that ended during the run, which {@code /proc} no
 * longer lists: the rest is the process's CPU less the other kinds).
 */
final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");

  static final String TASKS_KIND = "tasks";
  static final String MAIN = "main";
  static final String JIT = "jit";
  static final String GC = "gc";
  static final String REST = "rest";
  private static final String[] KINDS = {TASKS_KIND, MAIN, JIT, GC, REST};

  private final Map<String, Long> nanosByThread;

  private ThreadCpu(Map<String, Long> nanosByThread) {
    this.nanosByThread = nanosByThread;
  }

  /** Every live thread's CPU so far. */
  static ThreadCpu now() {
    Map<String, Long> nanos = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new ThreadCpu(nanos);
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String onCpu = Files.readString(task.resolve("schedstat")).strip().split(" ")[0];
          nanos.put(task.getFileName() + " " + name, Long.parseLong(onCpu));
        } catch (IOException | RuntimeException ended) {
          // The thread ended while the list was read.
        }
      }
    } catch (IOException e) {
      return new ThreadCpu(nanos);
    }
    return new ThreadCpu(nanos);
  }

  /**
   * CPU seconds per kind of thread from {@code before} to this reading, the rest being {@code
   * processSeconds} less the other kinds.
   */
  Map<String, Double> since(ThreadCpu before, double processSeconds) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String kind : KINDS) {
      seconds.put(kind, 0.0);
    }
    nanosByThread.forEach(
        (thread, nanos) -> {
          long spent = nanos - before.nanosByThread.getOrDefault(thread, 0L);
          String name = thread.substring(thread.indexOf(' ') + 1);
          seconds.merge(kind(name), spent / 1e9, Double::sum);
        });
    double known = 0;
    for (String kind : KINDS) {
      known += kind.equals(REST) ? 0 : seconds.get(kind);
    }
    seconds.put(REST, Math.max(0, processSeconds - known));
    return seconds;
  }

  /** The kind of a thread by its Linux name (its first 15 characters). */
  static String kind(String name) {
    if (name.startsWith("Executor task")) {
      return TASKS_KIND;
    }
    if (name.equals(MAIN) || name.equals("java")) {
      return MAIN;
    }
    if (name.contains("CompilerThre")) {
      return JIT;
    }
    if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
      return GC;
    }
    return REST;
  }
}
