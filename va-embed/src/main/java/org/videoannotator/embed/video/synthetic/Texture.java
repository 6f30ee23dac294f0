package org.videoannotator.embed.video.synthetic;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A shot drawn by one of FFmpeg's own {@code lavfi} sources instead of a {@link Scene}: pictures
 * the project's renderer cannot make and real footage has (cellular automata, life, fractal zooms,
 * test patterns with moving parts, noise, drifting gradients), and crops or zooms of one still, so
 * that a cut can join two framings of the same subject. Rendered by the FFmpeg bundled with JavaCV
 * ({@link LavfiSource}), so nothing needs installing.
 *
 * @param kind which source
 * @param seed sets the look: rule, colours, fractal point, still; the same seed, the same look
 * @param framing another take of the same look: for {@link Kind#STILL} which crop or zoom of the
 *     still (0 = the whole picture), for {@link Kind#MANDELBROT} another zoom start and speed on
 *     the same point, for the other kinds another random start (same rule and colours, other
 *     cells). Two shots with the same seed and another framing show one subject reframed, or the
 *     same kind of texture with other content.
 */
public record Texture(Kind kind, long seed, int framing) {
  /** FFmpeg sources, and whether the picture changes on its own every frame. */
  public enum Kind {
    /** One-dimensional cellular automaton scrolling up: the whole picture moves every frame. */
    CELLAUTO(true),
    /** Conway's life with mould: cells are born and die everywhere, every frame. */
    LIFE(true),
    /** A zoom into the Mandelbrot set: every detail grows and new ones appear. */
    MANDELBROT(true),
    /** Test patterns with moving parts (testsrc2, testsrc with cycling hue, noisy bars). */
    TEST_PATTERN(true),
    /** Television noise over a colour. */
    NOISE(true),
    /** Slowly drifting colour gradients: little structure, colour moves all the time. */
    GRADIENTS(false),
    /** A crop or zoom of one still picture (fractal, automaton, life, test card). */
    STILL(false);

    public final boolean busy;

    Kind(boolean busy) {
      this.busy = busy;
    }
  }

  private static final int[] CELL_RULES = {18, 22, 30, 45, 73, 90, 105, 110, 126, 150};
  private static final double[][] FRACTAL_POINTS = {
    {-0.7436438870, 0.1318259042}, {-0.7453, 0.1127}, {0.2549, 0.0005}, {-1.25066, 0.02012},
    {-0.1592, 1.0344}, {-0.7746806, 0.1374168}, {0.3245, 0.0425}, {-1.7687, 0.0017}
  };

  /** Zoom and top-left corner (shares of the still) of each framing of a still: some close. */
  private static final double[][] CROPS = {
    {1.0, 0, 0}, {1.25, 0.1, 0.1}, {1.6, 0.2, 0.15}, {2.2, 0.45, 0.4}, {1.3, 0.0, 0.2}
  };

  /** Frames skipped at the start of life: its first frames are the random fill settling. */
  private static final int LIFE_SETTLE = 10;

  public Texture {
    if (framing < 0 || framing >= CROPS.length) {
      throw new IllegalArgumentException(
          "framing must be 0.." + (CROPS.length - 1) + ", got " + framing);
    }
  }

  public Texture(Kind kind, long seed) {
    this(kind, seed, 0);
  }

  /** Number of distinct {@link #framing} values. */
  public static int framings() {
    return CROPS.length;
  }

  /** The same texture in another framing. */
  public Texture reframed(int other) {
    return new Texture(kind, seed, other);
  }

  /** A short caption for the {@code .srt}. */
  public String describe() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " texture"
        + (kind == Kind.STILL ? ", framing " + framing : "");
  }

  /** The lavfi filter graph that draws this texture at {@code width x height}, {@code fps}. */
  public String graph(int width, int height, double fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    // the content's own randomness: same look (seed), other cells or zoom start (framing)
    SplittableRandom take = new SplittableRandom(seed * 31 + framing);
    String size = width + "x" + height;
    String rate = String.format(Locale.ROOT, "%.3f", fps);
    String up = ",scale=" + width + ":" + height + ":flags=neighbor";
    return switch (kind) {
      case CELLAUTO -> {
        int cell = 2 + rnd.nextInt(4) * Math.max(1, width / 320);
        yield String.format(
            Locale.ROOT,
            "cellauto=s=%dx%d:rule=%d:r=%s:random_fill_ratio=%.2f"
                + ":random_seed=%d:scroll=1:full=1%s,%s",
            Math.max(8, width / cell),
            Math.max(8, height / cell),
            CELL_RULES[rnd.nextInt(CELL_RULES.length)],
            rate,
            0.3 + 0.4 * rnd.nextDouble(),
            take.nextInt(1 << 30),
            up,
            tint(rnd));
      }
      case LIFE -> {
        int cell = 2 + rnd.nextInt(4) * Math.max(1, width / 320);
        yield String.format(
            Locale.ROOT,
            "life=s=%dx%d:mold=%d:r=%s:ratio=%.2f:random_seed=%d"
                + ":life_color=%s:death_color=%s:mold_color=%s,trim=start_frame=%d,setpts=PTS-STARTPTS%s",
            Math.max(8, width / cell),
            Math.max(8, height / cell),
            rnd.nextInt(30),
            rate,
            0.1 + 0.4 * rnd.nextDouble(),
            take.nextInt(1 << 30),
            colour(rnd, 0.6, 1),
            colour(rnd, 0, 0.4),
            colour(rnd, 0.2, 0.6),
            LIFE_SETTLE,
            up);
      }
      case MANDELBROT -> {
        double[] p = FRACTAL_POINTS[rnd.nextInt(FRACTAL_POINTS.length)];
        yield String.format(
            Locale.ROOT,
            "mandelbrot=s=%dx%d:r=%s:maxiter=256:start_x=%.10f"
                + ":start_y=%.10f:start_scale=%.3f:end_scale=0.0005:end_pts=%d:outer=%s,scale=%d:%d",
            width / 2,
            height / 2,
            rate,
            p[0],
            p[1],
            0.05 + 3 * take.nextDouble(),
            150 + take.nextInt(250),
            rnd.nextBoolean() ? "normalized_iteration_count" : "iteration_count",
            width,
            height);
      }
      case TEST_PATTERN ->
          switch (rnd.nextInt(3)) {
            case 0 -> "testsrc2=s=" + size + ":r=" + rate;
            case 1 -> "testsrc=s=" + size + ":r=" + rate + ",hue=H=2*PI*t/" + (2 + rnd.nextInt(6));
            default ->
                "testsrc2=s="
                    + size
                    + ":r="
                    + rate
                    + ",noise=alls="
                    + (20 + rnd.nextInt(40))
                    + ":allf=t";
          };
      case NOISE ->
          "color=c="
              + colour(rnd, 0.2, 0.8)
              + ":s="
              + size
              + ":r="
              + rate
              + ",noise=alls="
              + (30 + rnd.nextInt(60))
              + ":allf=t+u:all_seed="
              + take.nextInt(1 << 30);
      case GRADIENTS ->
          String.format(
              Locale.ROOT,
              "gradients=s=%s:r=%s:speed=%.3f:seed=%d" + ":nb_colors=%d:type=%s",
              size,
              rate,
              0.005 + 0.04 * rnd.nextDouble(),
              rnd.nextInt(1 << 30),
              2 + rnd.nextInt(6),
              new String[] {"linear", "radial", "circular", "spiral"}[rnd.nextInt(4)]);
      case STILL -> {
        double[] c = CROPS[framing];
        // the still is drawn at twice the frame size, so every crop keeps its detail
        String still = still(rnd, 2 * width, 2 * height);
        yield String.format(
            Locale.ROOT,
            "%s,trim=end_frame=1,loop=loop=-1:size=1,"
                + "setpts=N/%s/TB,zoompan=z=%.3f:x=iw*%.3f:y=ih*%.3f:d=1:s=%s:fps=%s",
            still,
            rate,
            c[0],
            c[1],
            c[2],
            size,
            rate);
      }
    };
  }

  private static String still(SplittableRandom rnd, int w, int h) {
    return switch (rnd.nextInt(4)) {
      case 0 -> {
        double[] p = FRACTAL_POINTS[rnd.nextInt(FRACTAL_POINTS.length)];
        yield String.format(
            Locale.ROOT,
            "mandelbrot=s=%dx%d:r=1:maxiter=256:start_x=%.10f" + ":start_y=%.10f:start_scale=%.4f",
            w,
            h,
            p[0],
            p[1],
            0.01 + 0.3 * rnd.nextDouble());
      }
      case 1 ->
          String.format(
              Locale.ROOT,
              "cellauto=s=%dx%d:rule=%d:r=1:random_seed=%d:full=1"
                  + ",scale=%d:%d:flags=neighbor%s",
              w / 4,
              h / 4,
              CELL_RULES[rnd.nextInt(CELL_RULES.length)],
              rnd.nextInt(1 << 30),
              w,
              h,
              "," + tint(rnd));
      case 2 ->
          String.format(
              Locale.ROOT,
              "life=s=%dx%d:r=1:ratio=0.3:random_seed=%d"
                  + ":life_color=%s:death_color=%s,scale=%d:%d:flags=neighbor",
              w / 4,
              h / 4,
              rnd.nextInt(1 << 30),
              colour(rnd, 0.6, 1),
              colour(rnd, 0, 0.4),
              w,
              h);
      default -> "testsrc=s=" + w + "x" + h + ":r=1";
    };
  }

  private static String tint(SplittableRandom rnd) {
    return String.format(
        Locale.ROOT,
        "colorchannelmixer=rr=%.2f:gg=%.2f:bb=%.2f",
        0.3 + 0.7 * rnd.nextDouble(),
        0.3 + 0.7 * rnd.nextDouble(),
        0.3 + 0.7 * rnd.nextDouble());
  }

  private static String colour(SplittableRandom rnd, double lo, double hi) {
    StringBuilder b = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      b.append(
          String.format(Locale.ROOT, "%02x", (int) (255 * (lo + (hi - lo) * rnd.nextDouble()))));
    }
    return b.toString();
  }
}
