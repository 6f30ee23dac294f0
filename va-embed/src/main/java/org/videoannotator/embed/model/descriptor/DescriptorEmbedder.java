package org.videoannotator.embed.model.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.SampledFrame;
import org.videoannotator.embed.model.ShotFrames;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;

/**
 * The offline default embedder: a hand-built visual and motion descriptor that needs no weights.
 * Five blocks, each standardised feature by feature ({@link FeatureWriter}), scaled by {@code
 * weight / sqrt(block length)} so that a block's share of the vector follows its weight and not its
 * length, concatenated, and the whole L2-normalised:
 *
 * <ul>
 *   <li>colour ({@value #COLOR_WEIGHT}): HSV histograms, channel means/spreads, brightness,
 *       colourfulness, dark/bright shares, day/night cues (averaged over the sampled frames);
 *   <li>layout ({@value #LAYOUT_WEIGHT}): 3x3 grid of mean colours;
 *   <li>texture ({@value #TEXTURE_WEIGHT}): gradient magnitude and orientation histograms, edge
 *       density per cell, mean gradient, a text-on-screen proxy and a blob-count crowd proxy;
 *   <li>motion ({@value #MOTION_WEIGHT}): camera translation (pan/tilt), zoom, roll, jitter
 *       (handheld shake), direction consistency and residual (object) motion from frame pairs;
 *   <li>temporal ({@value #TEMPORAL_WEIGHT}): shot length, local cut rate, change between samples.
 * </ul>
 *
 * Motion gets the largest weight because it is what CLIP-like models miss. Stateless and
 * thread-safe. It has no text tower.
 */
public final class DescriptorEmbedder implements Embedder {
  public static final String ID = "descriptor";
  public static final String VERSION = "3";
  public static final double COLOR_WEIGHT = 1.0;
  public static final double LAYOUT_WEIGHT = 0.7;
  public static final double TEXTURE_WEIGHT = 0.8;
  public static final double MOTION_WEIGHT = 1.2;
  public static final double TEMPORAL_WEIGHT = 0.5;

  static final int MOTION_DIM = 15;
  static final int TEMPORAL_DIM = 3;
  public static final int DIMENSION =
      AppearanceFeatures.COLOR_DIM
          + AppearanceFeatures.LAYOUT_DIM
          + AppearanceFeatures.TEXTURE_DIM
          + MOTION_DIM
          + TEMPORAL_DIM;

  @Override
  public EmbedderInfo info() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("frame", FramePixels.WIDTH + "x" + FramePixels.HEIGHT);
    params.put("motion", MotionEstimator.WIDTH + "x" + MotionEstimator.HEIGHT);
    params.put(
        "weights",
        COLOR_WEIGHT
            + ","
            + LAYOUT_WEIGHT
            + ","
            + TEXTURE_WEIGHT
            + ","
            + MOTION_WEIGHT
            + ","
            + TEMPORAL_WEIGHT);
    return new EmbedderInfo(ID, VERSION, params);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public int minFrameShortSide() {
    return FramePixels.HEIGHT;
  }

  @Override
  public float[] embedShot(ShotFrames shot) {
    List<SampledFrame> frames = shot.frames();
    float[] color = new float[AppearanceFeatures.COLOR_DIM];
    float[] layout = new float[AppearanceFeatures.LAYOUT_DIM];
    float[] texture = new float[AppearanceFeatures.TEXTURE_DIM];
    List<MotionEstimator.Motion> motions = new ArrayList<>();
    float[] previousColor = null;
    double change = 0;
    for (SampledFrame frame : frames) {
      FramePixels pixels = new FramePixels(frame.image());
      float[] c = AppearanceFeatures.color(pixels);
      accumulate(color, c);
      accumulate(layout, AppearanceFeatures.layout(pixels));
      accumulate(texture, AppearanceFeatures.texture(pixels));
      if (previousColor != null) {
        change += meanAbsDiff(previousColor, c);
      }
      previousColor = c;
      if (frame.next() != null) {
        motions.add(MotionEstimator.estimate(frame.image(), frame.next(), frame.nextGap()));
      }
    }
    int n = frames.size();
    float[] motion = motionBlock(motions);
    float[] temporal =
        new FeatureWriter(TEMPORAL_DIM)
            .add(Math.log(shot.durationSec() / 3.0), 0, 1)
            .add(Math.log1p(shot.cutsPerMinute()), Math.log1p(10), 1)
            .add(n > 1 ? change / (n - 1) : 0, 0.3, 0.3)
            .done();
    float[] out = new float[DIMENSION];
    int pos = 0;
    pos = put(out, pos, color, 1.0 / n, COLOR_WEIGHT);
    pos = put(out, pos, layout, 1.0 / n, LAYOUT_WEIGHT);
    pos = put(out, pos, texture, 1.0 / n, TEXTURE_WEIGHT);
    pos = put(out, pos, motion, 1, MOTION_WEIGHT);
    put(out, pos, temporal, 1, TEMPORAL_WEIGHT);
    return VectorMath.normalizeInPlace(out);
  }

  /** Aggregates per-pair motion into shot statistics; a shot without pairs has none. */
  static float[] motionBlock(List<MotionEstimator.Motion> motions) {
    int n = motions.size();
    double tx = 0, ty = 0, atx = 0, aty = 0, zoom = 0, azoom = 0, roll = 0, res = 0, resSq = 0;
    double matched = 0, speed = 0;
    for (MotionEstimator.Motion m : motions) {
      tx += m.tx();
      ty += m.ty();
      atx += Math.abs(m.tx());
      aty += Math.abs(m.ty());
      zoom += m.zoom();
      azoom += Math.abs(m.zoom());
      roll += Math.abs(m.roll());
      res += m.residual();
      resSq += m.residual() * m.residual();
      matched += m.matched();
      speed += Math.hypot(m.tx(), m.ty());
    }
    double k = Math.max(1, n);
    double meanTx = tx / k;
    double meanTy = ty / k;
    double sdTx = 0;
    double sdTy = 0;
    for (MotionEstimator.Motion m : motions) {
      sdTx += (m.tx() - meanTx) * (m.tx() - meanTx);
      sdTy += (m.ty() - meanTy) * (m.ty() - meanTy);
    }
    sdTx = Math.sqrt(sdTx / k);
    sdTy = Math.sqrt(sdTy / k);
    double meanRes = res / k;
    // Magnitudes on log scales (floor 0.001 of the frame width per frame, about 0.1 px at 96 px):
    // static, handheld, pan and fast pan then sit roughly one unit apart.
    return new FeatureWriter(MOTION_DIM)
        .addSignedLog(meanTx, 0.003)
        .addSignedLog(meanTy, 0.003)
        .addLog(atx / k, 0.001, 0.005)
        .addLog(aty / k, 0.001, 0.005)
        // Jitter: a handheld camera moves a lot frame to frame but goes nowhere.
        .addLog(sdTx, 0.001, 0.004)
        .addLog(sdTy, 0.001, 0.004)
        .add(atx > 0 ? Math.abs(tx) / atx : 0, 0.5, 0.5)
        .add(aty > 0 ? Math.abs(ty) / aty : 0, 0.5, 0.5)
        .addSignedLog(zoom / k, 0.002)
        .addLog(azoom / k, 0.001, 0.004)
        .addLog(roll / k, 0.001, 0.003)
        .addLog(meanRes, 0.001, 0.004)
        .addLog(Math.sqrt(Math.max(0, resSq / k - meanRes * meanRes)), 0.001, 0.003)
        .add(n == 0 ? 0 : matched / k, 0.7, 0.3)
        .addLog(speed / k, 0.001, 0.006)
        .done();
  }

  @Override
  public Optional<TextEncoder> textEncoder() {
    return Optional.empty();
  }

  @Override
  public void close() {}

  private static void accumulate(float[] sum, float[] v) {
    for (int i = 0; i < v.length; i++) {
      sum[i] += v[i];
    }
  }

  private static double meanAbsDiff(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / a.length;
  }

  private static int put(float[] out, int pos, float[] block, double scale, double weight) {
    double f = scale * weight / Math.sqrt(block.length);
    for (float v : block) {
      out[pos++] = (float) (v * f);
    }
    return pos;
  }

  @Override
  public String toString() {
    return "DescriptorEmbedder" + info();
  }
}
