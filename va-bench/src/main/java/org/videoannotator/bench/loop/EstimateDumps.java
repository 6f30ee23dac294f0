package org.videoannotator.bench.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.datasets.TruthTable;
import org.videoannotator.server.builds.EstimateInputsDump;

/**
 * {@code va bench loop --dump-estimates DIR}: what {@code va bench estimates} needs beside the
 * inputs every build writes (the server's {@code va.estimates.dump} property, set here to {@code
 * DIR/builds}): for every session its label, seed and noise ({@code sessions.csv}), and, in the
 * corpus's row order (the builds' logits are in it), each label's truth ({@code truth/<label>.txt})
 * and each seed's hold-out ({@code holdout/s<seed>.txt}), one {@code 0}/{@code 1} per row.
 */
final class EstimateDumps {
  private final Path dir;

  private EstimateDumps(Path dir) {
    this.dir = dir;
  }

  /** Starts dumping to {@code dir} (the server's builds write there from now on). */
  static EstimateDumps start(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("builds"));
    Files.createDirectories(dir.resolve("truth"));
    Files.createDirectories(dir.resolve("holdout"));
    Files.writeString(dir.resolve("sessions.csv"), "server_label,label,seed,noise\n");
    System.setProperty(EstimateInputsDump.PROPERTY, dir.resolve("builds").toString());
    return new EstimateDumps(dir);
  }

  /** The truth of {@code label} and the hold-outs of {@code experts}, in corpus row order. */
  void writeTruth(TruthTable table, String label, KeyIndex corpus, Iterable<Expert> experts)
      throws IOException {
    int column = table.labelIndex(label);
    StringBuilder truth = new StringBuilder(corpus.size());
    Expert any = experts.iterator().next();
    for (int row = 0; row < corpus.size(); row++) {
      truth.append(table.truth(column, any.row(corpus.key(row))) ? '1' : '0');
    }
    Files.writeString(dir.resolve("truth").resolve(label + ".txt"), truth);
    for (Expert e : experts) {
      StringBuilder held = new StringBuilder(corpus.size());
      for (int row = 0; row < corpus.size(); row++) {
        held.append(e.isHeldOut(corpus.key(row)) ? '1' : '0');
      }
      Files.writeString(dir.resolve("holdout").resolve("s" + e.seed() + ".txt"), held);
    }
  }

  synchronized void session(String serverLabel, String label, long seed, double noise)
      throws IOException {
    Files.writeString(
        dir.resolve("sessions.csv"),
        serverLabel + "," + label + "," + seed + "," + noise + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** Stops the server's dumping. */
  static void stop() {
    System.clearProperty(EstimateInputsDump.PROPERTY);
  }
}
