package org.videoannotator.embed.video.shots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoannotator.embed.video.DecodedFrame;

/** Signals are registered with what they need, updated in that order, and shared when equal. */
class FrameSignalsTest {
  /** Records the order of updates. */
  private static final List<String> ORDER = new ArrayList<>();

  private record Base() implements FrameSignal {
    @Override
    public void update(FrameWindow frames, FrameSignals values) {
      ORDER.add("base");
      values.series(this).set(frames.newest(), frames.newest());
    }
  }

  private record Doubled() implements FrameSignal {
    @Override
    public List<FrameSignal> needs() {
      return List.of(new Base());
    }

    @Override
    public void update(FrameWindow frames, FrameSignals values) {
      ORDER.add("doubled");
      int j = frames.newest();
      values.series(this).set(j, 2 * values.series(new Base()).get(j));
    }
  }

  private record Loop(int n) implements FrameSignal {
    @Override
    public List<FrameSignal> needs() {
      return List.of(new Loop(1 - n));
    }

    @Override
    public void update(FrameWindow frames, FrameSignals values) {}
  }

  @Test
  void neededSignalsComeFirstAndEqualSignalsShareOneSeries() {
    ORDER.clear();
    FrameSignals s = new FrameSignals(List.of(new Doubled(), new Base(), new Doubled()));
    FrameWindow w = new FrameWindow();
    for (int i = 0; i < 3; i++) {
      w.push(
          new FrameFeatures(
              DecodedFrame.ofImage(
                  i, i / 25.0, new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB))));
      s.update(w);
    }
    assertEquals(List.of("base", "doubled", "base", "doubled", "base", "doubled"), ORDER);
    assertEquals(4f, s.series(new Doubled()).get(2));
    assertEquals(3, s.count());
  }

  @Test
  void aCycleAndAnUnregisteredSignalAreRefused() {
    IllegalStateException cycle =
        assertThrows(IllegalStateException.class, () -> new FrameSignals(List.of(new Loop(0))));
    assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
    FrameSignals s = new FrameSignals(List.of(new Base()));
    assertThrows(IllegalArgumentException.class, () -> s.series(new Doubled()));
  }
}
