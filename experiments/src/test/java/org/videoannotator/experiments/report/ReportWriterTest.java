package org.videoannotator.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp1.Exp1Result.Baseline;
import org.videoannotator.experiments.exp1.Exp1Result.Cell;
import org.videoannotator.experiments.exp1.Exp1Result.LabelResult;
import org.videoannotator.experiments.exp1.Exp1Result.Stat;

class ReportWriterTest {
  @TempDir Path out;

  private static Cell cell(int n, double mean) {
    return new Cell(n, mean, 0.01, new double[] {mean});
  }

  /** Two genre labels and one camera label with known APs, so every gain is known. */
  private static Exp1Result result() {
    Map<String, LabelResult> labels = new LinkedHashMap<>();
    for (var spec :
        List.of(
            new Object[] {"action", 0.10},
            new Object[] {"horror", 0.30},
            new Object[] {"pan", -0.05})) {
      String label = (String) spec[0];
      double gain = (double) spec[1];
      Map<String, Cell> cmp = new LinkedHashMap<>();
      cmp.put("25|random", cell(25, 0.20));
      cmp.put("25|zero-shot-50-random-50", cell(25, 0.40));
      cmp.put("25|zero-shot", cell(25, 0.30));
      List<Cell> checkpoints =
          List.of(cell(20, 0.40 + gain - 0.1), cell(33, 0.40 + gain), cell(60, 0.99));
      labels.put(
          label,
          new LabelResult(
              new Baseline(0.05),
              new Stat(0.35, 0.02, new double[] {0.35}),
              cmp,
              checkpoints,
              Map.of("25", 0.40 + gain),
              List.of()));
    }
    var settings =
        new Exp1Result.Settings(
            "data", List.of(25), List.of("random", "zero-shot-50-random-50", "zero-shot"), 0, 5);
    return new Exp1Result(
        settings, labels, List.of(new Exp1Result.LabelFailure("gore", "no positive")));
  }

  @Test
  void gainsByGroupAreMediansOfVaMinusCc() throws Exception {
    new ReportWriter(LabelGroups.paper()).write(result(), Map.of(), out);
    List<String> lines = Files.readAllLines(out.resolve("gains-by-group.csv"));
    assertEquals(
        "group,n,labels,median gain over CC,beats CC,median gain over best baseline,beats best",
        lines.get(0));
    // genres: action +10, horror +30 -> median 20 points; VA's checkpoint of 33 shots counts at
    // n=25 (n + 10).
    assertTrue(lines.contains("genres,25,2,20.0,2/2,20.0,2/2"), lines.toString());
    assertTrue(lines.contains("motion,25,1,-5.0,0/1,-5.0,0/1"), lines.toString());
    assertTrue(lines.contains("all labels,25,3,10.0,2/3,10.0,2/3"), lines.toString());
  }

  @Test
  void writesMarkdownCsvAndReadablePlots() throws Exception {
    var written = new ReportWriter(LabelGroups.paper()).write(result(), Map.of(), out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(
        md.contains(
            "| action | genres | 25 | 0.500 | zero-shot-50-random-50 | 0.400 | 10.0 | yes | yes |"),
        md);
    assertTrue(md.contains("| gore | no positive |"), md);
    List<String> ap = Files.readAllLines(out.resolve("ap.csv"));
    assertTrue(ap.contains("pan,motion,25,VA,0.350,0.010,33"), ap.toString());
    for (String png : List.of("median-ap.png", "action.png", "horror.png", "pan.png")) {
      BufferedImage image = ImageIO.read(out.resolve("plots").resolve(png).toFile());
      assertEquals(900, image.getWidth(), png);
      assertTrue(written.files().contains(out.resolve("plots").resolve(png)));
    }
  }

  @Test
  void everyReleasedLabelHasAPaperGroup() throws Exception {
    var labels =
        org.videoannotator.core.Json.mapper()
            .readTree(
                ReportWriterTest.class.getResourceAsStream(
                    "/org/videoannotator/experiments/report/label-groups.json"));
    LabelGroups groups = LabelGroups.paper();
    assertEquals(56, groups.size());
    assertEquals("shot types", groups.groupOf("over-the-shoulder-shot"));
    assertEquals("time/location", groups.groupOf("golden-hour"));
    assertEquals(LabelGroups.OTHER, groups.groupOf("not-a-label"));
    assertTrue(labels.has("events/actions"));
  }
}
