package org.videoannotator.cli.demo;

/**
 * The size and look of the demo corpus. Rendering is deterministic in {@code seed}: the same spec
 * always gives the same videos, so every newcomer sees the same demo.
 *
 * @param videos number of videos to render
 * @param shotsPerVideo shots in each video
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param seed seed of the scene scripts
 */
public record DemoSpec(int videos, int shotsPerVideo, int width, int height, int fps, long seed) {
  /** A few dozen videos, several hundred shots: enough for search, builds and feeds to matter. */
  public static final DemoSpec DEFAULT = new DemoSpec(24, 14, 320, 180, 24, 2024);

  public DemoSpec {
    if (videos < 1 || shotsPerVideo < 2 || width < 64 || height < 64 || fps < 8) {
      throw new IllegalArgumentException(
          "demo spec out of range: "
              + videos
              + " videos x "
              + shotsPerVideo
              + " shots, "
              + width
              + "x"
              + height
              + " @ "
              + fps
              + " fps");
    }
  }

  public String videoName(int index) {
    return String.format("demo-%02d.mp4", index + 1);
  }

  public long videoSeed(int index) {
    return seed * 1_000_003L + index;
  }
}
