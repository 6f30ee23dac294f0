package org.videoannotator.embed.video.shots;

import java.util.Arrays;

/** A growable float array: one number per frame, for hours of video. */
final class FloatSeries {
  private float[] data = new float[1024];
  private int size;

  void add(float v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    data[size++] = v;
  }

  float get(int i) {
    return data[i];
  }

  void set(int i, float v) {
    data[i] = v;
  }

  /** Keeps the smaller of the current value and {@code v}. */
  void lower(int i, float v) {
    if (v < data[i]) {
      data[i] = v;
    }
  }

  int size() {
    return size;
  }
}
