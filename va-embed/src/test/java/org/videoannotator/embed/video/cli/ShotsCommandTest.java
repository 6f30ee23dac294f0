package org.videoannotator.embed.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import picocli.CommandLine;

class ShotsCommandTest {
  @TempDir Path dir;

  private static Scene scene(Scene.Palette p, long seed) {
    return new Scene(p, Scene.Framing.WIDE, 3, "", Scene.Camera.STATIC, seed);
  }

  @Test
  void printsCutsAsIntsAndGradualAsRangesAndFailsOnlyTheBadFile() throws Exception {
    List<ShotPlan> plan =
        List.of(
            new ShotPlan(scene(Scene.Palette.DAY_OUTDOOR, 1), 20, ShotPlan.Entry.CUT),
            new ShotPlan(scene(Scene.Palette.NIGHT_INDOOR, 2), 20, ShotPlan.Entry.CUT),
            new ShotPlan(scene(Scene.Palette.DAY_INDOOR, 3), 20, ShotPlan.Entry.dissolve(12)));
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MP4_H264);
    Path video = sv.fileIn(dir, "three");
    sv.render(plan, video);
    Path broken = Files.writeString(dir.resolve("broken.mkv"), "not a video");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ShotsCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int status = cmd.execute("--json", video.toString(), broken.toString());

    assertEquals(1, status, "one file failed");
    assertTrue(err.toString().contains(broken.toString()), err.toString());
    JsonNode json = Json.mapper().readTree(out.toString());
    JsonNode b = json.get(video.toString());
    assertEquals(2, b.size(), out.toString());
    assertTrue(b.get(0).isInt());
    assertEquals(20, b.get(0).asInt());
    JsonNode gradual = b.get(1);
    assertTrue(
        gradual.get("start").asInt() <= 46 && gradual.get("end").asInt() >= 36,
        "dissolve frames 40..51 overlap: " + gradual);
    assertEquals("dissolve", gradual.get("type").asText());
  }

  @Test
  void badOptionIsAUsageErrorAndHumanOutputSummarises() throws Exception {
    SyntheticVideo sv = new SyntheticVideo(160, 90, 25, SyntheticVideo.Format.MKV_H264);
    Path video = sv.fileIn(dir, "one");
    sv.render(
        List.of(new ShotPlan(scene(Scene.Palette.DAY_OUTDOOR, 4), 10, ShotPlan.Entry.CUT)), video);
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new ShotsCommand());
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute(video.toString()));
    assertTrue(
        out.toString().contains("10 frames") && out.toString().contains("1 shots"), out.toString());
    CommandLine bad = new CommandLine(new ShotsCommand());
    bad.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, bad.execute("--threads", "x", video.toString()));
  }
}
