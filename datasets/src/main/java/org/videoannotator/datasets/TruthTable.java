package org.videoannotator.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.core.csv.CsvReader;
import org.videoannotator.core.csv.CsvWriter;

/**
 * {@code truth.csv}: the latent truth of a generated data set, {@code key,<label1>,<label2>,...}
 * with one row per shot and {@code 0}/{@code 1} per label. It is what a benchmark scores against
 * (the annotators' answers in {@code agg/} are noisy); it is not part of the released layout, and
 * any file of this shape is read, so a hand-made truth works too.
 *
 * @param labels label names in column order
 * @param keys shot keys in row order
 * @param positives per label (column order), the rows that truly have it
 */
public record TruthTable(List<String> labels, List<String> keys, List<BitSet> positives) {
  public static final String FILE = "truth.csv";

  public TruthTable {
    labels = List.copyOf(labels);
    keys = List.copyOf(keys);
    positives = positives.stream().map(b -> (BitSet) b.clone()).toList();
  }

  /** Whether row {@code row} truly has the label in column {@code label}. */
  public boolean truth(int label, int row) {
    return positives.get(label).get(row);
  }

  /** The column of {@code name}, or -1. */
  public int labelIndex(String name) {
    return labels.indexOf(name);
  }

  /** Share of the shots that truly have the label in column {@code label}. */
  public double rate(int label) {
    return keys.isEmpty() ? 0 : positives.get(label).cardinality() / (double) keys.size();
  }

  /** Writes the table (same table, same bytes). */
  public void write(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvWriter csv = new CsvWriter(out);
      List<String> header = new ArrayList<>(List.of("key"));
      header.addAll(labels);
      csv.write(header);
      for (int i = 0; i < keys.size(); i++) {
        List<String> row = new ArrayList<>(labels.size() + 1);
        row.add(keys.get(i));
        for (int j = 0; j < labels.size(); j++) {
          row.add(truth(j, i) ? "1" : "0");
        }
        csv.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": write failed", e);
    }
  }

  /**
   * Reads a truth file; every problem is one line naming the file and line: a missing {@code key}
   * column, a row of the wrong width, a key given twice, a cell other than 0/1.
   */
  public static TruthTable read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(in, file.toString())) {
      CsvReader.Row header = csv.next();
      if (header == null
          || header.fields().isEmpty()
          || !header.fields().getFirst().equals("key")) {
        throw new UserException(
            file
                + ":1: the first column must be 'key' (then one 0/1 column per"
                + " label); write it with 'va dataset generate' or by hand");
      }
      List<String> labels = header.fields().subList(1, header.fields().size());
      if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
        throw new UserException(file + ":1: needs one or more label columns, each named once");
      }
      List<String> keys = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<BitSet> positives = new ArrayList<>();
      labels.forEach(l -> positives.add(new BitSet()));
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        List<String> f = row.fields();
        if (f.size() != labels.size() + 1) {
          throw new UserException(
              file
                  + ":"
                  + row.line()
                  + ": "
                  + f.size()
                  + " cells, expected "
                  + (labels.size() + 1)
                  + " (key and one per label)");
        }
        if (!seen.add(f.getFirst())) {
          throw new UserException(
              file
                  + ":"
                  + row.line()
                  + ": key '"
                  + f.getFirst()
                  + "' appears twice; a shot has one row");
        }
        for (int j = 0; j < labels.size(); j++) {
          String cell = f.get(j + 1).trim();
          if (!cell.equals("0") && !cell.equals("1")) {
            throw new UserException(
                file
                    + ":"
                    + row.line()
                    + ": column '"
                    + labels.get(j)
                    + "' value '"
                    + cell
                    + "' is not 0 or 1");
          }
          if (cell.equals("1")) {
            positives.get(j).set(keys.size());
          }
        }
        keys.add(f.getFirst());
      }
      return new TruthTable(labels, keys, positives);
    } catch (NoSuchFileException e) {
      throw new UserException(
          file + ": no such truth file; 'va dataset generate' writes one as " + FILE, e);
    } catch (IOException e) {
      throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
