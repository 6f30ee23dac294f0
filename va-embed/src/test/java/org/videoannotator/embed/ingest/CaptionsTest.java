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
    Captions c = Captions.parse("""
        1
        00:00:00,000 --> 00:00:01,500
        <i>Night</i> street,
        two people

        2
        00:00:01,500 --> 00:00:03,000
        A crowd cheers
        """);
    assertEquals(2, c.cues().size());
    assertEquals("Night street, two people", c.textBetween(0, 1.0));
    assertEquals("Night street, two people A crowd cheers", c.textBetween(1.0, 2.0));
    assertEquals("A crowd cheers", c.textBetween(1.5, 9));
    assertEquals("", c.textBetween(3.0, 4.0));
  }

  @Test
  void webVttWithoutHoursAndWithCueSettings() {
    Captions c = Captions.parse("""
        WEBVTT

        intro
        00:01.000 --> 00:02.000 align:start
        Hello there

        01:00:00.000 --> 01:00:01.000
        Late line
        """);
    assertEquals("Hello there", c.textBetween(1.2, 1.3));
    assertEquals("Late line", c.textBetween(3600.5, 3600.6));
  }

  @Test
  void sidecarHasTheVideosBaseName(@TempDir Path dir) throws IOException {
    Path video = Files.createFile(dir.resolve("clip.one.mp4"));
    assertEquals("", Captions.forVideo(video).textBetween(0, 100));
    Files.writeString(dir.resolve("clip.one.vtt"), "WEBVTT\n\n00:00.000 --> 00:05.000\nfrom vtt\n");
    assertEquals("from vtt", Captions.forVideo(video).textBetween(0, 1));
    Files.writeString(dir.resolve("clip.one.srt"), "1\n00:00:00,000 --> 00:00:05,000\nfrom srt\n");
    assertEquals("from srt", Captions.forVideo(video).textBetween(0, 1));
  }
}
