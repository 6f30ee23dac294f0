package org.videoannotator.embed.video.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.videoannotator.embed.video.synthetic.Scene.Camera;
import org.videoannotator.embed.video.synthetic.Scene.Framing;
import org.videoannotator.embed.video.synthetic.Scene.Palette;
import org.videoannotator.embed.video.synthetic.ShotPlan.Entry;
import org.videoannotator.embed.video.synthetic.ShotPlan.Event;

/**
 * Ready-made seeded plans for {@link SyntheticVideo}: a transition test suite covering every case
 * the shot detector must handle, and varied demo videos.
 */
public final class SyntheticScripts {
  private static final String[] TEXTS = {"BREAKING NEWS", "GOAL!", "CHAPTER 2", "LIVE", "SALE 50%"};

  private SyntheticScripts() {}

  /**
   * Three short videos, by name: {@code cuts} (hard cuts, including a 1-second and a 5-frame shot,
   * and cuts between look-alike scenes), {@code gradual} (dissolves of 6 to 20 frames and fades
   * through black) and {@code distractors} (flashes of 1-3 frames, sudden and ramped light changes,
   * an object entering, fast pan, zoom, handheld shake: none of them a boundary), at {@code fps}
   * frames per second.
   */
  public static Map<String, List<ShotPlan>> transitionSuite(long seed, int fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, List<ShotPlan>> suite = new LinkedHashMap<>();
    List<ShotPlan> cuts = new ArrayList<>();
    int[] lengths = {fps * 2, fps, 5, fps + 7, fps * 2 - 3, 8, fps};
    for (int k = 0; k < lengths.length; k++) {
      // every other shot keeps the palette of the one before: a harder cut for histograms
      Palette p = k % 2 == 1 ? cuts.get(k - 1).scene().palette() : randomPalette(rnd);
      cuts.add(
          new ShotPlan(scene(rnd, p, k == 3 ? Camera.PAN : Camera.STATIC), lengths[k], Entry.CUT));
    }
    suite.put("cuts", cuts);

    List<ShotPlan> gradual = new ArrayList<>();
    gradual.add(new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.CUT));
    gradual.add(
        new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.dissolve(12)));
    gradual.add(new ShotPlan(scene(rnd, randomPalette(rnd), Camera.PAN), fps, Entry.fade(8)));
    gradual.add(
        new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.dissolve(20)));
    gradual.add(new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.CUT));
    gradual.add(
        new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.dissolve(6)));
    gradual.add(new ShotPlan(scene(rnd, randomPalette(rnd), Camera.STATIC), fps, Entry.fade(12)));
    suite.put("gradual", gradual);

    List<ShotPlan> distract = new ArrayList<>();
    int len = fps * 2;
    distract.add(
        new ShotPlan(
            scene(rnd, Palette.DAY_OUTDOOR, Camera.STATIC),
            len,
            Entry.CUT,
            List.of(new Event(Event.Kind.FLASH, 10, 1), new Event(Event.Kind.FLASH, 30, 3)),
            null));
    distract.add(
        new ShotPlan(
            scene(rnd, Palette.NIGHT_INDOOR, Camera.STATIC),
            len,
            Entry.CUT,
            List.of(new Event(Event.Kind.LIGHTING, 12, 1)),
            null));
    distract.add(
        new ShotPlan(
            scene(rnd, Palette.DAY_INDOOR, Camera.STATIC),
            len,
            Entry.CUT,
            List.of(new Event(Event.Kind.OBJECT_ENTERS, 10, 8)),
            null));
    distract.add(new ShotPlan(scene(rnd, Palette.DAY_OUTDOOR, Camera.FAST_PAN), len, Entry.CUT));
    distract.add(
        new ShotPlan(
            scene(rnd, Palette.NIGHT_OUTDOOR, Camera.ZOOM),
            len,
            Entry.CUT,
            List.of(new Event(Event.Kind.FLASH, 20, 2)),
            null));
    distract.add(
        new ShotPlan(
            scene(rnd, Palette.DAY_INDOOR, Camera.SHAKE),
            len,
            Entry.CUT,
            List.of(new Event(Event.Kind.LIGHTING, 15, 10)),
            null));
    suite.put("distractors", distract);
    return suite;
  }

  /**
   * A demo video of {@code shots} shots with varied scenes, camera work and transitions (mostly
   * cuts, some dissolves and fades, occasional fast cutting), each 1 to 4 seconds long.
   */
  public static List<ShotPlan> demo(long seed, int shots, int fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ShotPlan> plan = new ArrayList<>();
    for (int k = 0; k < shots; k++) {
      Camera cam = Camera.values()[rnd.nextInt(Camera.values().length)];
      Scene s = scene(rnd, randomPalette(rnd), cam);
      boolean fastCutting = rnd.nextInt(8) == 0;
      int frames = fastCutting ? 6 + rnd.nextInt(8) : fps + rnd.nextInt(fps * 3);
      double r = rnd.nextDouble();
      Entry entry =
          r < 0.75
              ? Entry.CUT
              : r < 0.9 ? Entry.dissolve(8 + rnd.nextInt(10)) : Entry.fade(6 + rnd.nextInt(8));
      plan.add(new ShotPlan(s, frames, entry));
    }
    return plan;
  }

  /**
   * A harder random mix for benchmarks: cuts, dissolves (4-24 frames) and fades, shots from 5
   * frames to 3 seconds, every camera move, and flashes, light changes and objects entering inside
   * shots.
   */
  public static List<ShotPlan> challenge(long seed, int shots, int fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ShotPlan> plan = new ArrayList<>();
    for (int k = 0; k < shots; k++) {
      Camera cam = Camera.values()[rnd.nextInt(Camera.values().length)];
      Scene s = scene(rnd, randomPalette(rnd), cam);
      int r = rnd.nextInt(10);
      int frames = r == 0 ? 5 : r == 1 ? fps : 12 + rnd.nextInt(fps * 3 - 12);
      double e = rnd.nextDouble();
      Entry entry =
          e < 0.6
              ? Entry.CUT
              : e < 0.82 ? Entry.dissolve(4 + rnd.nextInt(21)) : Entry.fade(4 + rnd.nextInt(12));
      List<Event> events = new ArrayList<>();
      if (frames >= 30) {
        double v = rnd.nextDouble();
        int at = 6 + rnd.nextInt(frames - 24);
        if (v < 0.2) {
          events.add(new Event(Event.Kind.FLASH, at, 1 + rnd.nextInt(3)));
        } else if (v < 0.32) {
          events.add(new Event(Event.Kind.LIGHTING, at, rnd.nextBoolean() ? 1 : 8));
        } else if (v < 0.44) {
          events.add(new Event(Event.Kind.OBJECT_ENTERS, at, 6 + rnd.nextInt(10)));
        }
      }
      plan.add(new ShotPlan(s, frames, entry, events, null));
    }
    return plan;
  }

  /**
   * The hardest mix, for the held-out benchmark of the shot detector: everything of {@link
   * #challenge}, plus shots whose whole picture changes every frame (snow, sparkle) with hard cuts
   * into and out of them, cuts between two shots of the same place with another framing and camera
   * move, decaying flashes (blown to white, back over four frames), whip pans, and dissolves
   * between moving shots.
   */
  public static List<ShotPlan> hard(long seed, int shots, int fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ShotPlan> plan = new ArrayList<>();
    boolean previousBusy = false;
    for (int k = 0; k < shots; k++) {
      double kind = rnd.nextDouble();
      int frames = 12 + rnd.nextInt(fps * 3 - 12);
      if (k > 0 && !previousBusy && kind < 0.18) {
        // A busy shot: cut in, cut out (the next shot is entered by a cut).
        Event.Kind busy = rnd.nextBoolean() ? Event.Kind.NOISE : Event.Kind.SPARKLE;
        Scene s = scene(rnd, randomPalette(rnd), Camera.STATIC);
        plan.add(new ShotPlan(s, frames, Entry.CUT, List.of(new Event(busy, 0, frames)), null));
        previousBusy = true;
        continue;
      }
      Scene s;
      if (k > 0 && kind < 0.36) {
        // The same place, reframed, with another camera move: a cut real editing makes all the
        // time.
        Scene before = plan.getLast().scene();
        Framing other = before.framing() == Framing.CLOSE ? Framing.WIDE : Framing.CLOSE;
        Camera[] moves = {Camera.ZOOM, Camera.SHAKE, Camera.PAN, Camera.STATIC, Camera.TILT};
        s =
            new Scene(
                before.palette(),
                other,
                before.figures(),
                before.text(),
                moves[rnd.nextInt(moves.length)],
                before.seed());
      } else {
        s = scene(rnd, randomPalette(rnd), Camera.values()[rnd.nextInt(Camera.values().length)]);
      }
      Entry entry = Entry.CUT;
      double e = rnd.nextDouble();
      if (!previousBusy && k > 0) {
        entry =
            e < 0.62
                ? Entry.CUT
                : e < 0.84 ? Entry.dissolve(6 + rnd.nextInt(16)) : Entry.fade(4 + rnd.nextInt(10));
      }
      List<Event> events = new ArrayList<>();
      if (frames >= 30) {
        double v = rnd.nextDouble();
        int at = 6 + rnd.nextInt(frames - 24);
        if (v < 0.3) {
          events.add(new Event(Event.Kind.DECAYING_FLASH, at, 1 + rnd.nextInt(3)));
        } else if (v < 0.38) {
          events.add(new Event(Event.Kind.FLASH, at, 1 + rnd.nextInt(3)));
        } else if (v < 0.48) {
          events.add(new Event(Event.Kind.LIGHTING, at, rnd.nextBoolean() ? 1 : 8));
        } else if (v < 0.58) {
          events.add(new Event(Event.Kind.OBJECT_ENTERS, at, 6 + rnd.nextInt(10)));
        }
      }
      plan.add(new ShotPlan(s, frames, entry, events, null));
      previousBusy = false;
    }
    return plan;
  }

  /**
   * Footage the project's renderer cannot draw, from FFmpeg's own sources ({@link Texture}): shots
   * of cellular automata, life, fractal zooms, test patterns with moving parts and noise (pictures
   * that change on their own every frame) with cuts into, out of and between them; cuts between two
   * crops or zooms of one still and between two zoom depths of one fractal; drifting gradients;
   * and, as traps, scene shots with fast pans and light changes; dissolves and fades among all of
   * them. Seeds keep the tuning and held-out halves apart.
   */
  public static List<ShotPlan> textured(long seed, int shots, int fps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Texture.Kind[] busy = {
      Texture.Kind.CELLAUTO,
      Texture.Kind.LIFE,
      Texture.Kind.MANDELBROT,
      Texture.Kind.TEST_PATTERN,
      Texture.Kind.NOISE
    };
    List<ShotPlan> plan = new ArrayList<>();
    for (int k = 0; k < shots; k++) {
      int frames = 12 + rnd.nextInt(fps * 3 - 12);
      Scene s =
          scene(
              rnd,
              randomPalette(rnd),
              rnd.nextInt(3) == 0
                  ? Camera.FAST_PAN
                  : Camera.values()[rnd.nextInt(Camera.values().length)]);
      Texture previous = k == 0 ? null : plan.getLast().texture();
      Texture texture = null;
      double r = rnd.nextDouble();
      if (previous != null && previous.kind() == Texture.Kind.STILL && r < 0.7) {
        // the same still, another crop or zoom: the cut only moves the framing
        texture =
            previous.reframed(
                (previous.framing() + 1 + rnd.nextInt(Texture.framings() - 1))
                    % Texture.framings());
      } else if (previous != null && previous.kind() != Texture.Kind.GRADIENTS && r < 0.4) {
        // the same look with other content: the same fractal at another zoom depth, the same
        // automaton or pattern with other cells; only the arrangement changes at the cut
        texture = previous.reframed((previous.framing() + 1) % Texture.framings());
      } else if (r < 0.4) {
        texture = new Texture(busy[rnd.nextInt(busy.length)], rnd.nextLong() & 0xffffffL);
      } else if (r < 0.5) {
        texture = new Texture(Texture.Kind.GRADIENTS, rnd.nextLong() & 0xffffffL);
      } else if (r < 0.62) {
        texture =
            new Texture(
                Texture.Kind.STILL, rnd.nextLong() & 0xffffffL, rnd.nextInt(Texture.framings()));
      }
      double e = rnd.nextDouble();
      Entry entry =
          k == 0 || e < 0.7
              ? Entry.CUT
              : e < 0.92 ? Entry.dissolve(6 + rnd.nextInt(16)) : Entry.fade(4 + rnd.nextInt(10));
      List<Event> events = new ArrayList<>();
      if (frames >= 30 && (texture == null || !texture.kind().busy)) {
        double v = rnd.nextDouble();
        int at = 6 + rnd.nextInt(frames - 24);
        if (v < 0.3) {
          events.add(new Event(Event.Kind.LIGHTING, at, rnd.nextBoolean() ? 1 : 8));
        } else if (v < 0.45) {
          events.add(new Event(Event.Kind.DECAYING_FLASH, at, 1 + rnd.nextInt(3)));
        }
      }
      plan.add(new ShotPlan(s, frames, entry, events, null, texture));
    }
    return plan;
  }

  private static Palette randomPalette(SplittableRandom rnd) {
    return Palette.values()[rnd.nextInt(Palette.values().length)];
  }

  private static Scene scene(SplittableRandom rnd, Palette p, Camera camera) {
    Framing framing = rnd.nextBoolean() ? Framing.CLOSE : Framing.WIDE;
    int r = rnd.nextInt(4);
    int figures = r == 0 ? 0 : r == 1 ? 1 : r == 2 ? 2 + rnd.nextInt(4) : 8 + rnd.nextInt(10);
    String text = rnd.nextInt(4) == 0 ? TEXTS[rnd.nextInt(TEXTS.length)] : "";
    return new Scene(p, framing, figures, text, camera, rnd.nextLong() & 0xffffffL);
  }
}
