package org.videoannotator.embed.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Streaming shot boundary detector. Feed it every frame in order with {@link #accept}, then call
 * {@link #finish} once for the boundaries. It keeps a window of {@value #WINDOW} frames' compact
 * features and a few numbers per frame, so memory stays small for long videos.
 *
 * <p>Hard cuts: for each pair of consecutive frames, after compensating the camera's dominant
 * translation, a cut score combines structural change (share of textured blocks whose best local
 * match still differs once contrast is normalised; edge change ratio) with colour-histogram
 * change. A frame is a cut when its score is high in absolute terms and stands out from the median
 * of its neighbours (adaptive threshold: fast motion raises every score around it), or when it is
 * moderate but many times its neighbourhood's level (a quiet cut, see {@link #cutCandidate}), unless the
 * picture returns within {@value #FLASH_RETURN} frames (flash filter) or it falls inside a gradual
 * transition. Cuts closer than {@link Config#minShotFrames} keep the stronger one.
 *
 * <p>Gradual transitions: a frame in a dissolve or fade is a mix of frames before and after it
 * ({@link BlendTest}), tested at several half-widths; runs of such frames become one transition,
 * and runs joined by blank (black or white) frames, or blank runs with brightness ramps toward
 * them, become a fade.
 */
public final class ShotDetector {
  static final int WINDOW = 40;
  static final int FLASH_RETURN = 5;
  /**
   * Frames after a blank (near-white or near-black) onset in which the picture from before it may
   * come back: a camera flash or lightning blows two or three frames to white and decays back over
   * a few more. Shorter than any fade (a fade's two halves and its blank middle).
   */
  static final int BLANK_RETURN = 12;
  /**
   * Rise in mean luma (0-255) from one frame to the next that starts a possible flash: a picture
   * blown to 90 % white rises by 100 or more from any ordinary exposure. Whether it was a flash
   * is decided by the picture coming back, never by the rise alone.
   */
  static final float FLASH_SURGE = 60;
  private static final int[] HALF_WIDTHS = {2, 3, 4, 6, 8, 11, 15};
  private static final int MEDIAN_RADIUS = 8;
  /** How far a cut beside a busy shot must score above that shot's upper quartile. */
  static final double BUSY_MARGIN = 0.08;
  /**
   * Lowest score a cut in a quiet neighbourhood may have. True cuts between two similar dark,
   * low-contrast shots score 0.3 (few textured blocks, similar histograms), while a static or
   * slowly moving shot stays near 0.01-0.05.
   */
  static final double QUIET_CUT_FLOOR = 0.25;
  /**
   * Frames scoring at least this are watched by the flash filter. Below {@link #QUIET_CUT_FLOOR}
   * on purpose: a flash's first frame may score a little under the floor while the return frame
   * scores over it, and the return is only recognised as part of the flash if its first frame
   * was watched.
   */
  static final double FLASH_WATCH_FLOOR = 0.2;
  /**
   * How many times the neighbourhood's upper quartile a quiet cut must score. The upper quartile
   * of the 16 neighbours, not their mean or median: up to 3 other cuts nearby (fast cutting) do
   * not move it, while a shaking or fast-panning shot, whose scores jump around, raises it and so
   * cannot lend a single noisy frame the ratio.
   */
  static final double QUIET_CUT_RATIO = 5;
  private static final int LOOSE_MIN_RUN = 5;
  /**
   * Least total change ({@link #changeAcross}) of a mix run. A dissolve replaces one picture by
   * another, so its frames change step by step (on rendered demo and benchmark videos the
   * smallest total over a true dissolve was 0.013, typically 0.1-2); a slow zoom or drift on a
   * dark, low-contrast scene can pass the mix test for 2-3 frames while its frames barely change
   * (totals 0.000-0.007).
   */
  static final double MIN_DISSOLVE_CHANGE = 0.01;
  private static final int LOOSE_MAX_RUN = 32;
  private static final double MIN_DRIFT = 3;
  private static final double DRIFT_AGREEMENT = 0.8;

  /**
   * Tunable thresholds.
   *
   * @param cutThreshold minimum cut score of a hard cut (0..1)
   * @param adaptiveMargin how far above the neighbours' median score a cut must be
   * @param minShotFrames shortest shot allowed between two cuts
   */
  public record Config(double cutThreshold, double adaptiveMargin, int minShotFrames) {
    public Config {
      if (!(cutThreshold > 0 && cutThreshold < 1)) {
        throw new IllegalArgumentException("cutThreshold must be in (0,1), got " + cutThreshold);
      }
      if (!(adaptiveMargin >= 0)) {
        throw new IllegalArgumentException("adaptiveMargin must be >= 0, got " + adaptiveMargin);
      }
      if (minShotFrames < 1) {
        throw new IllegalArgumentException("minShotFrames must be >= 1, got " + minShotFrames);
      }
    }

    public static Config defaults() {
      return new Config(0.42, 0.25, 3);
    }
  }

  private final Config config;
  /** The last {@value #WINDOW} frames' features; frame i sits at i % WINDOW. */
  private final FrameFeatures[] window = new FrameFeatures[WINDOW];
  private final FloatList cutScore = new FloatList();
  private final FloatList returnScore = new FloatList();
  /** At a blank onset: the lowest cut score between the frame before it and a later frame. */
  private final FloatList blankReturn = new FloatList();
  /** At a blank onset: the first later frame whose picture matched the one before the onset. */
  private final FloatList blankReturnedAt = new FloatList();
  private final FloatList blendRatio = new FloatList();
  private final FloatList meanLuma = new FloatList();
  private final List<Boolean> blank = new ArrayList<>();
  private int count;
  private boolean finished;

  public ShotDetector() {
    this(Config.defaults());
  }

  public ShotDetector(Config config) {
    this.config = config;
  }

  /** Adds the next frame; frames must come in order, starting at index 0. */
  public void accept(DecodedFrame frame) {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    if (frame.index() != count) {
      throw new IllegalArgumentException(
          "expected frame " + count + ", got " + frame.index() + ": feed every frame in order");
    }
    FrameFeatures f = new FrameFeatures(frame);
    FrameFeatures previous = count == 0 ? null : window[(count - 1) % WINDOW];
    cutScore.add(previous == null ? 0 : (float) FrameDiff.compare(previous, f).cutScore());
    returnScore.add(Float.POSITIVE_INFINITY);
    blankReturn.add(Float.POSITIVE_INFINITY);
    blankReturnedAt.add(-1);
    blendRatio.add(Float.POSITIVE_INFINITY);
    meanLuma.add((float) f.mean);
    blank.add(f.blank());
    window[count % WINDOW] = f;
    checkFlashReturns(f);
    checkBlankReturns(f);
    checkBlends(f);
    count++;
  }

  /** A frame sink that feeds this detector. */
  public FrameSink sink() {
    return this::accept;
  }

  /**
   * For recent candidate cuts {@code i}, compares the frame before the candidate with this one:
   * if the picture came back, the candidate was a flash.
   */
  private void checkFlashReturns(FrameFeatures now) {
    int j = count;
    for (int i = Math.max(1, j - FLASH_RETURN + 1); i < j; i++) {
      if (cutScore.get(i) < FLASH_WATCH_FLOOR) {
        continue;
      }
      FrameFeatures before = frameAt(i - 1);
      if (before == null) {
        continue;
      }
      float s = (float) FrameDiff.compare(before, now).cutScore();
      if (s < returnScore.get(i)) {
        returnScore.set(i, s);
      }
    }
  }

  /**
   * For flash onsets {@code i} in the last {@value #BLANK_RETURN} frames (a frame turning blank, or
   * a surge of brightness), compares the frame before the onset with this one: if the same picture
   * is back, the bright run and its decay were a flash inside a shot, not a fade or a cut. Only
   * onsets are watched, so this costs nothing on ordinary frames.
   */
  private void checkBlankReturns(FrameFeatures now) {
    int j = count;
    if (blank.get(j)) {
      return;
    }
    for (int i = Math.max(1, j - BLANK_RETURN); i < j; i++) {
      if (!flashOnset(i)) {
        continue;
      }
      FrameFeatures before = frameAt(i - 1);
      if (before == null) {
        continue;
      }
      float s = (float) FrameDiff.compare(before, now).cutScore();
      if (s < blankReturn.get(i)) {
        blankReturn.set(i, s);
      }
      if (s < config.cutThreshold() && blankReturnedAt.get(i) < 0) {
        blankReturnedAt.set(i, j);
      }
    }
  }

  /** Frame {@code i} may start a flash: it turns blank, or it is far brighter than the frame before. */
  private boolean flashOnset(int i) {
    return (blank.get(i) && !blank.get(i - 1)) || meanLuma.get(i) - meanLuma.get(i - 1) >= FLASH_SURGE;
  }

  /**
   * Frames {@code [onset - 1, return]} of every flash: an onset ({@link #flashOnset}) whose
   * preceding picture came back within {@value #BLANK_RETURN} frames.
   */
  private List<int[]> flashSpans() {
    List<int[]> spans = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (flashOnset(i) && blankReturnedAt.get(i) >= 0) {
        // The picture is recognisable again before the flash has decayed: the span runs on
        // while the brightness keeps falling back toward the level before the onset.
        float base = meanLuma.get(i - 1);
        int end = (int) blankReturnedAt.get(i);
        while (end + 1 < count && end + 1 <= i + BLANK_RETURN && Math.abs(meanLuma.get(end) - base) > 4
            && Math.abs(meanLuma.get(end + 1) - base) < Math.abs(meanLuma.get(end) - base)) {
          end++;
        }
        spans.add(new int[] {i - 1, end});
      }
    }
    return spans;
  }

  /** Tests whether frame {@code count - h} is a mix of frames {@code count - 2h} and now. */
  private void checkBlends(FrameFeatures now) {
    for (int h : HALF_WIDTHS) {
      int c = count - h;
      FrameFeatures mid = frameAt(c);
      FrameFeatures start = frameAt(c - h);
      if (mid == null || start == null || jumpBetween(c - h + 1, count)) {
        continue;
      }
      double r = BlendTest.residualRatio(start, mid, now);
      if (r < blendRatio.get(c)) {
        blendRatio.set(c, (float) r);
      }
    }
  }

  /**
   * True if a frame in {@code [from, to]} jumps like a cut or flash: a dissolve changes a little
   * every frame, so a mix test across a jump would compare two unrelated shots.
   */
  private boolean jumpBetween(int from, int to) {
    for (int k = Math.max(1, from); k <= to; k++) {
      if (cutScore.get(k) >= config.cutThreshold()) {
        return true;
      }
    }
    return false;
  }

  /** Features of frame {@code index} if it is still in the window (the current frame included). */
  private FrameFeatures frameAt(int index) {
    if (index < 0 || index > count || index <= count - WINDOW) {
      return null;
    }
    return window[index % WINDOW];
  }

  /** Per-frame scores, one line each (tuning and bug reports). */
  public void debugDump(java.io.PrintStream out) {
    for (int i = 0; i < count; i++) {
      out.printf(java.util.Locale.ROOT, "%4d cut=%.3f med=%.3f q3=%.3f ret=%.3f blend=%.3f luma=%.1f%s%n",
          i, cutScore.get(i), neighbourQuantile(i, 0.5), neighbourQuantile(i, 0.75), returnScore.get(i), blendRatio.get(i),
          meanLuma.get(i), blank.get(i) ? " blank" : "");
    }
  }

  /** Frames seen so far. */
  public int frameCount() {
    return count;
  }

  /** The boundaries, sorted by start. Call once, after the last frame. */
  public List<Transition> finish() {
    finished = true;
    List<Transition> gradual = findGradual();
    List<Transition> cuts = findCuts(gradual);
    List<Transition> all = new ArrayList<>(gradual);
    all.addAll(cuts);
    Collections.sort(all);
    return all;
  }

  private List<Transition> findCuts(List<Transition> gradual) {
    List<Integer> candidates = new ArrayList<>();
    List<int[]> flashes = flashSpans();
    for (int i = 1; i < count; i++) {
      if (!cutCandidate(i)) {
        continue;
      }
      double s = cutScore.get(i);
      if (returnScore.get(i) < Math.min(config.cutThreshold(), 0.5 * s)) {
        continue; // flash: the picture came back
      }
      if (insideFlash(i) || insideGradual(i, gradual) || within(i, flashes)) {
        continue;
      }
      candidates.add(i);
    }
    List<Transition> cuts = new ArrayList<>();
    int last = -1;
    for (int i : candidates) {
      if (last >= 0 && i - last < config.minShotFrames()) {
        if (cutScore.get(i) > cutScore.get(last)) {
          cuts.set(cuts.size() - 1, Transition.cut(i));
          last = i;
        }
        continue;
      }
      cuts.add(Transition.cut(i));
      last = i;
    }
    return cuts;
  }

  /**
   * Whether the score of frame {@code i} makes it a cut candidate, by either of two rules.
   * <ul>
   *   <li><b>Loud</b>: at least {@link Config#cutThreshold} and at least {@link
   *       Config#adaptiveMargin} above the neighbours' median (fast motion raises every score
   *       around it, so a fixed threshold alone would cut fast pans).
   *   <li><b>Quiet</b>: at least {@value #QUIET_CUT_FLOOR} and at least {@value #QUIET_CUT_RATIO}
   *       times the upper quartile of its neighbours. This is the relative test of PySceneDetect's
   *       adaptive detector (score over the mean of 2 neighbours each side), made robust: over 8
   *       neighbours each side, a quantile ignores other cuts nearby and a noisy (shaking) shot
   *       raises it. It finds cuts between two similar dark shots, whose absolute score stays
   *       below the threshold but stands out from a near-zero neighbourhood.
   * </ul>
   * Both go through the same flash and gradual-transition filters afterwards.
   */
  private boolean cutCandidate(int i) {
    double s = cutScore.get(i);
    if (s >= config.cutThreshold()) {
      return s >= neighbourQuantile(i, 0.5) + config.adaptiveMargin() || busyBeside(i, s);
    }
    return s >= QUIET_CUT_FLOOR && s >= QUIET_CUT_RATIO * neighbourQuantile(i, 0.75);
  }

  /**
   * The loud rule for a cut next to a busy shot (snow, confetti, anything whose whole picture
   * changes every frame): such a shot scores high on every frame and lifts the median of all the
   * neighbours above the cut. Seen from the calm side the cut still stands out by the adaptive
   * margin, and it scores above the busy side's upper quartile by {@value #BUSY_MARGIN}, which a
   * frame inside the busy shot does not (it is one of those scores), nor the first frame of a
   * whip pan (the frames after it score as high).
   */
  private boolean busyBeside(int i, double s) {
    double left = sideQuantile(i, -1, 0.5);
    double right = sideQuantile(i, 1, 0.5);
    double calm = Math.min(left, right);
    double busyUpper = left <= right ? sideQuantile(i, 1, 0.75) : sideQuantile(i, -1, 0.75);
    return s >= calm + config.adaptiveMargin() && s >= busyUpper + BUSY_MARGIN;
  }

  /** Quantile {@code q} of the cut scores of the {@value #MEDIAN_RADIUS} frames on one side of i. */
  private double sideQuantile(int i, int side, double q) {
    float[] v = new float[MEDIAN_RADIUS];
    int n = 0;
    for (int d = 1; d <= MEDIAN_RADIUS; d++) {
      int k = i + side * d;
      if (k >= 1 && k < count) {
        v[n++] = cutScore.get(k);
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(v, 0, n);
    return v[Math.min(n - 1, (int) (q * n))];
  }

  /** A later frame of a flash: an earlier candidate within FLASH_RETURN returned past it. */
  private boolean insideFlash(int i) {
    for (int k = Math.max(1, i - FLASH_RETURN + 1); k < i; k++) {
      double s = cutScore.get(k);
      if (s >= FLASH_WATCH_FLOOR && returnScore.get(k) < Math.min(config.cutThreshold(), 0.5 * s)) {
        return true;
      }
    }
    return false;
  }

  /** Frame {@code i} lies after the first and up to the last frame of one of {@code spans}. */
  private static boolean within(int i, List<int[]> spans) {
    for (int[] f : spans) {
      if (i > f[0] && i <= f[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideGradual(int i, List<Transition> gradual) {
    for (Transition t : gradual) {
      if (i >= t.start() - 1 && i <= t.end() + 1) {
        return true;
      }
    }
    return false;
  }

  /** Quantile {@code q} (0..1) of the cut scores of the frames within MEDIAN_RADIUS of i. */
  private double neighbourQuantile(int i, double q) {
    float[] v = new float[2 * MEDIAN_RADIUS];
    int n = 0;
    for (int k = i - MEDIAN_RADIUS; k <= i + MEDIAN_RADIUS; k++) {
      if (k != i && k >= 1 && k < count) {
        v[n++] = cutScore.get(k);
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(v, 0, n);
    return v[Math.min(n - 1, (int) (q * n))];
  }

  private List<Transition> findGradual() {
    List<int[]> runs = blendRuns(BlendTest.MAX_RESIDUAL_RATIO, 2, Integer.MAX_VALUE);
    runs.removeIf(r -> changeAcross(r[0], r[1]) < MIN_DISSOLVE_CHANGE);
    for (int[] loose : blendRuns(BlendTest.LOOSE_RESIDUAL_RATIO, LOOSE_MIN_RUN, LOOSE_MAX_RUN)) {
      // looser mixes count only with the steady brightness drift a dissolve between two
      // differently lit shots makes; a zoom or a pan keeps its brightness
      boolean known = runs.stream().anyMatch(r -> r[0] <= loose[1] && loose[0] <= r[1]);
      if (!known && steadyDrift(loose[0], loose[1])) {
        runs.add(loose);
      }
    }
    for (int[] d : fadeRuns()) {
      runs.add(d);
    }
    // A flash's frames look like a fade to white and a dissolve back; the picture returning says
    // no shot changed. Runs that lie within a flash (give or take their padding) are dropped.
    for (int[] f : flashSpans()) {
      runs.removeIf(r -> r[0] >= f[0] - 3 && r[1] <= f[1] + 3);
    }
    runs.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Transition> out = new ArrayList<>();
    int[] cur = null;
    boolean curFade = false;
    for (int[] r : runs) {
      boolean fade = touchesBlank(r[0], r[1]);
      if (cur != null && r[0] <= cur[1] + 1 + blankGap(cur[1], r[0])) {
        cur[1] = Math.max(cur[1], r[1]);
        curFade |= fade;
        continue;
      }
      if (cur != null) {
        addGradual(out, cur, curFade);
      }
      cur = new int[] {r[0], r[1]};
      curFade = fade;
    }
    if (cur != null) {
      addGradual(out, cur, curFade);
    }
    return out;
  }

  /**
   * Runs of at least {@code minLen} and at most {@code maxLen} frames whose blend ratio is at most
   * {@code bound}, padded: the test passes in the middle of a transition, and its first and last
   * mixed frames sit about a quarter of the run further out.
   */
  private List<int[]> blendRuns(double bound, int minLen, int maxLen) {
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < count) {
      if (blendRatio.get(i) > bound) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < count && blendRatio.get(j + 1) <= bound) {
        j++;
      }
      int len = j - i + 1;
      if (len >= minLen && len <= maxLen) {
        int pad = Math.max(1, len / 4);
        runs.add(new int[] {i - pad, j + pad});
      }
      i = j + 1;
    }
    return runs;
  }

  /**
   * Sum of the cut scores from frame {@code a} to the first frame after {@code b}: how much the
   * picture changed, step by step, across a run.
   */
  private double changeAcross(int a, int b) {
    double sum = 0;
    for (int k = Math.max(1, a); k <= Math.min(count - 1, b + 1); k++) {
      sum += cutScore.get(k);
    }
    return sum;
  }

  /** Mean luma moves one way over {@code [a, b]}: most steps agree and the total is visible. */
  private boolean steadyDrift(int a, int b) {
    a = Math.max(0, a);
    b = Math.min(count - 1, b);
    int up = 0;
    int down = 0;
    for (int k = a + 1; k <= b; k++) {
      float d = meanLuma.get(k) - meanLuma.get(k - 1);
      if (d > 0) {
        up++;
      } else if (d < 0) {
        down++;
      }
    }
    double total = Math.abs(meanLuma.get(b) - meanLuma.get(a));
    return total >= MIN_DRIFT && Math.max(up, down) >= DRIFT_AGREEMENT * (b - a);
  }

  private void addGradual(List<Transition> out, int[] run, boolean fade) {
    int start = Math.max(1, run[0]);
    int end = Math.min(count - 2, run[1]);
    if (end < start || start <= 0 || end >= count - 1) {
      return;
    }
    out.add(fade ? Transition.fade(start, end) : Transition.dissolve(start, end));
  }

  /** Number of blank frames right after {@code from}, up to {@code to}. */
  private int blankGap(int from, int to) {
    int n = 0;
    for (int k = from + 1; k < to && blank.get(k); k++) {
      n++;
    }
    return n;
  }

  private boolean touchesBlank(int a, int b) {
    for (int k = Math.max(0, a - 1); k <= Math.min(count - 1, b + 1); k++) {
      if (blank.get(k)) {
        return true;
      }
    }
    return false;
  }

  /** Blank runs inside the video with a brightness ramp toward them before or away after. */
  private List<int[]> fadeRuns() {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < count) {
      if (!blank.get(i)) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < count && blank.get(j + 1)) {
        j++;
      }
      if (i > 0 && j < count - 1) {
        float level = meanLuma.get(i);
        int s = i;
        while (s - 1 > 0 && nearer(level, s, s - 1) && i - s < 40) {
          s--;
        }
        int e = j;
        while (e + 1 < count - 1 && nearer(level, e, e + 1) && e - j < 40) {
          e++;
        }
        if (i - s >= 2 || e - j >= 2) {
          out.add(new int[] {s, e});
        }
      }
      i = j + 1;
    }
    return out;
  }

  /** Frame {@code a} is clearly closer than frame {@code b} to the blank {@code level}. */
  private boolean nearer(float level, int a, int b) {
    float da = Math.abs(meanLuma.get(a) - level);
    float db = Math.abs(meanLuma.get(b) - level);
    return db > da * 1.03 + 0.5;
  }

  /** A growable float array: a few numbers per frame, for hours of video. */
  private static final class FloatList {
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
  }
}
