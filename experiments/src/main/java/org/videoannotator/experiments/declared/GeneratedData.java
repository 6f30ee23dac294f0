package org.videoannotator.experiments.declared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.UserException;
import org.videoannotator.datasets.SyntheticVaGenerator;

/** A data set made by the generator in a folder, reused when the folder already holds that spec. */
public final class GeneratedData {
  private static final String STAMP = ".replay-spec";

  private GeneratedData() {}

  /** Generates {@code spec} into {@code out} unless {@code out} was generated from it already. */
  public static Path ensure(Declaration.GeneratorSpec spec, Path out) {
    Path stamp = out.resolve(STAMP);
    String text = spec.toString();
    try {
      if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(text)) {
        return out;
      }
      if (Files.exists(out)) {
        throw new UserException(
            out
                + ": exists but was not generated from "
                + text
                + "; remove it or choose another work folder");
      }
      new SyntheticVaGenerator(
              new SyntheticVaGenerator.Config(spec.seed(), spec.shots(), spec.dim(), spec.labels()))
          .generate(out);
      Files.writeString(stamp, text);
      return out;
    } catch (IOException e) {
      throw new UserException(
          out + ": cannot write the generated data set (" + e.getMessage() + ")", e);
    }
  }
}
