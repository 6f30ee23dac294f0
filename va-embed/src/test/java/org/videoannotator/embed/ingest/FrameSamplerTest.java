package org.videoannotator.embed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoannotator.embed.video.DecodedFrame;
import org.videoannotator.embed.video.ShotSpan;

class FrameSamplerTest {
  private static BufferedImage solid(Color c) {
    BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, 64, 36);
    g.dispose();
    return img;
  }

  /** 48 frames at 24 fps: shot A 0..19, a 5-frame shot B 20..24, shot C 25..47. */
  private static FrameSampler sampleThreeShots() {
    FrameSampler sampler = new FrameSampler(24, 2, 36);
    BufferedImage a = solid(new Color(20, 20, 20));
    BufferedImage b = solid(new Color(240, 240, 240));
    BufferedImage c = solid(new Color(120, 30, 200));
    for (int i = 0; i < 48; i++) {
      BufferedImage img = i < 20 ? a : i < 25 ? b : c;
      sampler.accept(DecodedFrame.ofImage(i, i / 24.0, img));
    }
    return sampler;
  }

  @Test
  void samplesOnTheClockAndWhenThePictureChanges() {
    List<Integer> kept =
        sampleThreeShots().samples().stream().map(FrameSampler.Sample::index).toList();
    // 0, 12, 24, 36 on the 2 fps clock; 20 because the picture changed; C starts at 25, but a
    // change is only sampled more than MOTION_GAP frames after the last sample (24), so at 27.
    assertEquals(List.of(0, 12, 20, 24, 27, 36), kept);
  }

  @Test
  void everyShotGetsItsOwnFramesAndPartnersNeverCrossACut() {
    List<ShotSpan> spans =
        List.of(new ShotSpan(0, 0, 19), new ShotSpan(1, 20, 24), new ShotSpan(2, 25, 47));
    var shots = ShotAssembler.assemble(spans, sampleThreeShots().samples(), 24);
    for (var shot : shots) {
      assertFalse(shot.borrowedFrame(), "shot " + shot.span());
      for (var f : shot.frames().frames()) {
        assertTrue(f.index() >= shot.span().first() && f.index() <= shot.span().last());
        if (f.index() + FrameSampler.MOTION_GAP > shot.span().last()) {
          assertNull(f.next(), "partner beyond the cut at frame " + f.index());
        }
      }
    }
    var shortShot = shots.get(1).frames().frames().getFirst();
    assertEquals(20, shortShot.index());
    assertNotNull(shortShot.next(), "frame 22 is inside the short shot");
    // 2 cuts in 48 frames (2 s): 60 per minute around every shot.
    assertEquals(60, shots.get(0).frames().cutsPerMinute(), 1e-9);
  }
}
