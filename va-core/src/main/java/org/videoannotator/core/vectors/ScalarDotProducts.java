package org.videoannotator.core.vectors;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain-loop dot products with four accumulators (the fallback without the Vector API). */
final class ScalarDotProducts implements DotProducts {
  static final ScalarDotProducts INSTANCE = new ScalarDotProducts();

  private ScalarDotProducts() {}

  @Override
  public float dot(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, float[] w) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = w.length;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      long at = byteOffset + (long) j * Float.BYTES;
      s0 += segment.get(layout, at) * w[j];
      s1 += segment.get(layout, at + 4) * w[j + 1];
      s2 += segment.get(layout, at + 8) * w[j + 2];
      s3 += segment.get(layout, at + 12) * w[j + 3];
    }
    for (; j < n; j++) {
      s0 += segment.get(layout, byteOffset + (long) j * Float.BYTES) * w[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public float dotCodes(MemorySegment codes, long byteOffset, float[] q) {
    float sum = 0;
    for (int i = 0; i < q.length; i++) {
      sum += codes.get(ValueLayout.JAVA_BYTE, byteOffset + i) * q[i];
    }
    return sum;
  }

  @Override
  public float sum(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, int count) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    for (; j + 3 < count; j += 4) {
      long at = byteOffset + (long) j * Float.BYTES;
      s0 += segment.get(layout, at);
      s1 += segment.get(layout, at + 4);
      s2 += segment.get(layout, at + 8);
      s3 += segment.get(layout, at + 12);
    }
    for (; j < count; j++) {
      s0 += segment.get(layout, byteOffset + (long) j * Float.BYTES);
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public double dot(float[] a, int aOffset, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += a[aOffset + j] * b[j];
      s1 += a[aOffset + j + 1] * b[j + 1];
      s2 += a[aOffset + j + 2] * b[j + 2];
      s3 += a[aOffset + j + 3] * b[j + 3];
    }
    for (; j < n; j++) {
      s0 += a[aOffset + j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(double alpha, float[] x, int xOffset, double[] y, int n) {
    for (int j = 0; j < n; j++) {
      y[j] += alpha * x[xOffset + j];
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int n) {
    for (int j = 0; j < n; j++) {
      y[j] += alpha * x[xOffset + j];
    }
  }

  @Override
  public double dot(double[] a, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = a.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public String name() {
    return "scalar";
  }
}
