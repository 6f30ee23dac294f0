package org.videoannotator.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.videoannotator.core.Json;

/** Reads the golden fixtures written by {@code src/test/python/make_golden.py}. */
final class Golden {
  private Golden() {}

  static JsonNode read(String name) {
    try (InputStream raw = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource /golden/" + name);
      }
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  static boolean[] bools(JsonNode array) {
    boolean[] out = new boolean[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt() != 0;
    }
    return out;
  }

  static float[][] floatRows(JsonNode rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = rows.get(i);
      out[i] = new float[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        // the fixture holds each float32's shortest decimal, which parses back to the same float
        out[i][j] = Float.parseFloat(row.get(j).asText());
      }
    }
    return out;
  }
}
