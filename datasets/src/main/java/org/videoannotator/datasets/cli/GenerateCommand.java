package org.videoannotator.datasets.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.datasets.SyntheticVaGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code va dataset generate}: writes a seeded synthetic data set in the released layout. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic data set in the released layout: shots in titles and 10 clusters,",
      "labels with positive rates from 1%% to 40%%, 3 annotators who disagree near the boundary,",
      "text embeddings that make zero-shot strong for semantic labels and useless for camera",
      "labels, cmp random / zero-shot lists and checkpoints of simulated VA sessions.",
      "The same options give the same bytes."
    })
final class GenerateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  @CommandLine.Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (must not exist or be empty).")
  Path out;

  @CommandLine.Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Option(
      names = "--shots",
      defaultValue = "" + SyntheticVaGenerator.DEFAULT_SHOTS,
      description = "Number of shots (default ${DEFAULT-VALUE}).")
  int shots;

  @CommandLine.Option(
      names = "--dim",
      defaultValue = "" + SyntheticVaGenerator.DEFAULT_DIM,
      description = "Embedding dimension (default ${DEFAULT-VALUE}).")
  int dim;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
  LabelChoice labels;

  static final class LabelChoice {
    @CommandLine.Option(
        names = "--labels",
        split = ",",
        paramLabel = "NAME",
        description = "Label names, comma separated (real ontology names get realistic traits).")
    List<String> names;

    @CommandLine.Option(
        names = "--label-count",
        paramLabel = "K",
        description =
            "Use K labels of the released ontology, mixing label groups (default "
                + SyntheticVaGenerator.DEFAULT_LABEL_COUNT
                + ").")
    Integer count;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<String> names =
        labels != null && labels.names != null
            ? labels.names
            : SyntheticVaGenerator.Config.defaultLabels(
                labels != null && labels.count != null
                    ? labels.count
                    : SyntheticVaGenerator.DEFAULT_LABEL_COUNT);
    Settings.log(
        LOG,
        "dataset generate",
        "out",
        out,
        "seed",
        seed,
        "shots",
        shots,
        "dim",
        dim,
        "labels",
        names);
    SyntheticVaGenerator.Result result =
        new SyntheticVaGenerator(new SyntheticVaGenerator.Config(seed, shots, dim, names))
            .generate(out);
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d shots x %d dims, %d labels in %.1f s"
                + " (inspect it with: va dataset info %s)%n",
            out, shots, dim, names.size(), result.millis() / 1000.0, out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
