package org.videoannotator.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.datasets.VaDatasetWriter;
import picocli.CommandLine;

/** {@code va dataset generate|info} run in-process through picocli, as the launcher runs them. */
class DatasetCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new DatasetCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void generateThenInfoAsTableAndJson() throws Exception {
    Path data = dir.resolve("data");
    assertEquals(
        0,
        run(
            "generate",
            "--out",
            data.toString(),
            "--seed",
            "3",
            "--shots",
            "400",
            "--dim",
            "8",
            "--labels",
            "car-chase,two-shot"));
    assertTrue(out.toString().contains("400 shots x 8 dims, 2 labels"), out.toString());

    out.getBuffer().setLength(0);
    assertEquals(0, run("info", data.toString()));
    String table = out.toString();
    assertTrue(table.startsWith("shots 400, dim 8,"), table);
    assertTrue(table.contains("\ncar-chase ") && table.contains("\ntwo-shot "), table);
    assertTrue(table.contains("total: 2 labels"), table);

    out.getBuffer().setLength(0);
    assertEquals(0, run("info", "--json", data.toString()));
    JsonNode json = Json.mapper().readTree(out.toString());
    assertEquals(400, json.get("shots").asInt());
    assertEquals(8, json.get("dim").asInt());
    assertEquals("car-chase", json.get("labels").get(0).get("label").asText());
    assertEquals(40, json.get("labels").get(0).get("cmp_random_count").asInt());
  }

  @Test
  void handMadeCountsPrintExactly() throws Exception {
    Path data = dir.resolve("hand");
    Files.createDirectories(data.resolve("agg"));
    Files.writeString(data.resolve("shot-data.csv"), "genre,key\nx,a-1\ny,b 2\nz,c|3\n");
    new VaDatasetWriter(data)
        .writeEmbeddings(FloatMatrix.ofRows(new float[][] {{1, 0}, {0, 1}, {1, 1}}));
    Files.writeString(data.resolve("text-embeddings.json"), "{}");
    Files.writeString(
        data.resolve("agg/two-shot.json"),
        """
        {"data": [{"key": "a-1", "agg": true, "pos_cnt": 3},
                  {"key": "b 2", "agg": false, "pos_cnt": 1},
                  {"key": "c|3", "agg": true, "pos_cnt": 2}]}""");
    assertEquals(0, run("info", data.toString()));
    assertTrue(
        out.toString()
            .contains(
                "two-shot      3      2    0.667   0.333      0         -      0         -      0"),
        out.toString());
  }

  @Test
  void bothLabelOptionsIsAUsageError() {
    assertEquals(
        2,
        run(
            "generate",
            "--out",
            dir.resolve("x").toString(),
            "--labels",
            "a",
            "--label-count",
            "3"));
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }

  @Test
  void infoOnABrokenFolderFails() {
    int code = run("info", dir.resolve("missing").toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("not a folder"), err.toString());
  }
}
