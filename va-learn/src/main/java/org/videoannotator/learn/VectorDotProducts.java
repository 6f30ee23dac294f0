package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** SIMD dot products with the preferred float species, two accumulators to hide FMA latency. */
final class VectorDotProducts implements DotProducts {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  @Override
  public float dot(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, float[] w) {
    int n = w.length;
    int lanes = SPECIES.length();
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + 2 * lanes <= n; j += 2 * lanes) {
      long at = byteOffset + (long) j * Float.BYTES;
      FloatVector a0 = FloatVector.fromMemorySegment(SPECIES, segment, at, layout.order());
      FloatVector a1 =
          FloatVector.fromMemorySegment(SPECIES, segment, at + (long) lanes * Float.BYTES, layout.order());
      acc0 = a0.fma(FloatVector.fromArray(SPECIES, w, j), acc0);
      acc1 = a1.fma(FloatVector.fromArray(SPECIES, w, j + lanes), acc1);
    }
    for (; j + lanes <= n; j += lanes) {
      FloatVector a = FloatVector.fromMemorySegment(
          SPECIES, segment, byteOffset + (long) j * Float.BYTES, layout.order());
      acc0 = a.fma(FloatVector.fromArray(SPECIES, w, j), acc0);
    }
    float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; j < n; j++) {
      s += segment.get(layout, byteOffset + (long) j * Float.BYTES) * w[j];
    }
    return s;
  }

  @Override
  public float sum(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, int count) {
    int lanes = SPECIES.length();
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + 2 * lanes <= count; j += 2 * lanes) {
      long at = byteOffset + (long) j * Float.BYTES;
      acc0 = acc0.add(FloatVector.fromMemorySegment(SPECIES, segment, at, layout.order()));
      acc1 = acc1.add(FloatVector.fromMemorySegment(
          SPECIES, segment, at + (long) lanes * Float.BYTES, layout.order()));
    }
    float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; j < count; j++) {
      s += segment.get(layout, byteOffset + (long) j * Float.BYTES);
    }
    return s;
  }

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize() + "bit";
  }
}
