package org.videoannotator.spark.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The CPU time Spark's tasks report (their {@code executorCpuTime} metric), summed over a session:
 * the part of a job's process CPU spent in its tasks; the rest is the driver, the garbage collector
 * and the JIT compiler. Listener events arrive asynchronously, so a reading waits until every
 * started job has ended.
 */
final class TaskCpu extends SparkListener {
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();

  static TaskCpu register(SparkContext context) {
    TaskCpu listener = new TaskCpu();
    context.addSparkListener(listener);
    return listener;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    started.incrementAndGet();
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    ended.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskMetrics() != null) {
      nanos.addAndGet(taskEnd.taskMetrics().executorCpuTime());
    }
  }

  /** Task CPU nanoseconds so far, once the listener has heard the end of every started job. */
  long nanos() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ended.get() < started.get() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return nanos.get();
  }
}
