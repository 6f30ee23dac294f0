package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShotsTest {
  @Test
  void cutStartsNewShotAtItsFrame() {
    assertEquals(
        List.of(new ShotSpan(0, 0, 9), new ShotSpan(1, 10, 24), new ShotSpan(2, 25, 29)),
        Shots.fromTransitions(30, List.of(Transition.cut(10), Transition.cut(25))));
  }

  @Test
  void gradualTransitionSplitsAtItsMiddle() {
    // frames 10..13 mix both shots: 10, 11 go to the old shot, 12, 13 to the new one
    assertEquals(
        List.of(new ShotSpan(0, 0, 11), new ShotSpan(1, 12, 29)),
        Shots.fromTransitions(30, List.of(Transition.dissolve(10, 13))));
    // odd length: the middle frame 12 of 10..14 starts... (10+14+1)/2 = 12
    assertEquals(12, Transition.fade(10, 14).splitFrame());
  }

  @Test
  void noTransitionsIsOneShot() {
    assertEquals(List.of(new ShotSpan(0, 0, 4)), Shots.fromTransitions(5, List.of()));
  }

  @Test
  void boundariesThatWouldMakeEmptyShotsAreIgnored() {
    assertEquals(
        List.of(new ShotSpan(0, 0, 4), new ShotSpan(1, 5, 9)),
        Shots.fromTransitions(
            10,
            List.of(Transition.cut(0), Transition.cut(5), Transition.cut(5), Transition.cut(10))));
  }

  @Test
  void rejectsUnsortedTransitionsAndBadRanges() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Shots.fromTransitions(30, List.of(Transition.cut(20), Transition.cut(10))));
    assertThrows(IllegalArgumentException.class, () -> Shots.fromTransitions(0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Transition(Transition.Type.CUT, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> Transition.dissolve(5, 4));
  }

  @Test
  void boundaryScoreMatchesWithinOneFrameAndByOverlap() {
    List<Transition> truth = List.of(Transition.cut(10), Transition.dissolve(30, 40));
    BoundaryScore s =
        BoundaryScore.of(
            truth, List.of(Transition.cut(11), Transition.dissolve(38, 45), Transition.cut(60)));
    assertEquals(new BoundaryScore.Counts(1, 2, 1, 1), s.cuts());
    assertEquals(new BoundaryScore.Counts(1, 1, 1, 1), s.gradual());
    assertEquals(0.5, s.cuts().precision());
    BoundaryScore miss = BoundaryScore.of(truth, List.of(Transition.cut(12)));
    assertEquals(0, miss.cuts().truthFound());
  }
}
