package org.videoannotator.embed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsTest {
  @Test
  void subRipCuesOverlappingAShotBecomeItsText() {
    Captions c =
        Captions.parse(
            """
        1
        00:00:00,000 --> 00:00:01,500
        <i>Night</i> street,
        two people

        2
        00:00:01,500 --> 00:00:03,000
        A crowd cheers
        """);
    assertEquals(2, c.cues().size());
    assertEquals("Night street, two people", c.textOfShot(0, 1.0));
    assertEquals("A crowd cheers", c.textOfShot(1.2, 2.5));
    assertEquals("A crowd cheers", c.textOfShot(1.5, 9));
    assertEquals("", c.textOfShot(3.0, 4.0));
  }

  @Test
  void aCueReachingAFewFramesIntoTheNextShotStaysWithItsOwnShot() {
    // The detected cut (2.04 s) lands two frames after the subtitle change (2.0 s): the night shot
    // must not borrow the day shot's words, and no cue may be lost.
    Captions c =
        Captions.parse(
            """
        1
        00:00:00,000 --> 00:00:02,080
        day indoor kitchen

        2
        00:00:02,080 --> 00:00:03,000
        night street
        """);
    assertEquals("day indoor kitchen", c.textOfShot(0, 2.04));
    assertEquals("night street", c.textOfShot(2.04, 3.0));
    // A short shot inside one long cue is covered by it, so it is that cue's.
    assertEquals("day indoor kitchen", c.textOfShot(0.5, 0.9));
  }

  @Test
  void webVttWithoutHoursAndWithCueSettings() {
    Captions c =
        Captions.parse(
            """
        WEBVTT

        intro
        00:01.000 --> 00:02.000 align:start
        Hello there

        01:00:00.000 --> 01:00:01.000
        Late line
        """);
    assertEquals("Hello there", c.textOfShot(1.2, 1.3));
    assertEquals("Late line", c.textOfShot(3600.5, 3600.6));
  }

  @Test
  void sidecarHasTheVideosBaseName(@TempDir Path dir) throws IOException {
    Path video = Files.createFile(dir.resolve("clip.one.mp4"));
    assertEquals("", Captions.forVideo(video).textOfShot(0, 100));
    Files.writeString(dir.resolve("clip.one.vtt"), "WEBVTT\n\n00:00.000 --> 00:05.000\nfrom vtt\n");
    assertEquals("from vtt", Captions.forVideo(video).textOfShot(0, 1));
    Files.writeString(dir.resolve("clip.one.srt"), "1\n00:00:00,000 --> 00:00:05,000\nfrom srt\n");
    assertEquals("from srt", Captions.forVideo(video).textOfShot(0, 1));
  }
}
