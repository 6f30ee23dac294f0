package org.videoannotator.embed.video;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs another sink on its own thread, so analysis (e.g. shot detection) overlaps with decoding on
 * a second core. Frames are handed over through a small bounded queue. The wrapped sink must only
 * use a frame's analysis data, never {@link DecodedFrame#full()} (the decoder reuses that buffer as
 * soon as it moves on). {@link #end} waits for the worker to drain the queue; a failure in the
 * worker is rethrown to the decoding thread at the next frame or at {@code end}.
 */
public final class AsyncFrameSink implements FrameSink {
  private static final Object END = new Object();

  private final FrameSink delegate;
  private final BlockingQueue<Object> queue;
  private final Thread worker;
  private volatile RuntimeException failure;
  private VideoInfo info;

  public AsyncFrameSink(FrameSink delegate, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.delegate = delegate;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = Thread.ofPlatform().name("frame-sink").daemon().start(this::drain);
  }

  private void drain() {
    try {
      while (true) {
        Object o = queue.take();
        if (o == END) {
          return;
        }
        if (failure == null) {
          delegate.accept((DecodedFrame) o);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      queue.clear();
    }
  }

  @Override
  public void accept(DecodedFrame frame) {
    rethrow();
    put(frame);
  }

  @Override
  public void end(VideoInfo videoInfo) {
    this.info = videoInfo;
    finish();
    delegate.end(info);
  }

  /**
   * Stops the worker after the queued frames (also when decoding failed and {@link #end} never
   * came); safe to call twice.
   */
  public void finish() {
    if (worker.isAlive()) {
      put(END);
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the frame sink", e);
      }
    }
    rethrow();
  }

  private void put(Object o) {
    try {
      while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
        if (!worker.isAlive()) {
          rethrow();
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing a frame", e);
    }
  }

  private void rethrow() {
    if (failure != null) {
      throw failure;
    }
  }
}
