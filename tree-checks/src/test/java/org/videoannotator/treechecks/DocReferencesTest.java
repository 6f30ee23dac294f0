package org.videoannotator.treechecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java type, {@code va} command and file the READMEs name in backticks exists. */
class DocReferencesTest {
  private static final Repo REPO = Repo.current();

  @Test
  void everyNameInTheReadmesExists() {
    DocReferences references =
        new DocReferences(REPO, new JavaTypes(REPO), new LibraryTypes(), new VaCommands());
    List<String> problems = new ArrayList<>();
    for (Path doc : REPO.docs()) {
      problems.addAll(references.problems(doc));
    }
    assertTrue(REPO.docs().contains(Path.of("README.md")), "the top-level README is read");
    assertEquals(
        List.of(),
        problems,
        problems.size() + " names in the READMEs do not exist:\n" + String.join("\n", problems));
  }

  @Test
  void brokenNamesAreFoundAndRealOnesPass(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/main/java/org/x"));
    Files.writeString(
        dir.resolve("src/main/java/org/x/RealThing.java"),
        "package org.x;\nclass RealThing { void go() {} record Inner() {} }\n");
    Files.writeString(
        dir.resolve("README.md"),
        String.join(
            "\n",
            "`RealThing`, `RealThing.go`, `RealThing.Inner`, `x.RealThing`, `ServiceLoader`, `Corpus`, `a/b`, `report/`,",
            "`RealThing.gone`, `GoneThing`, `y.RealThing`, `src/main/java/org/x/Gone.java`, `va nosuch`, [a](nope.md)",
            "```",
            "$ va bench index --nosuch",
            "```"));
    Repo repo = Repo.at(dir);
    List<String> problems =
        new DocReferences(repo, new JavaTypes(repo), new LibraryTypes(), new VaCommands())
            .problems(Path.of("README.md"));
    assertEquals(
        List.of(
            "README.md:2: `RealThing.gone`: RealThing has no gone",
            "README.md:2: `GoneThing`: no Java type GoneThing in the tree",
            "README.md:2: `y.RealThing`: no type RealThing in a package y",
            "README.md:2: `src/main/java/org/x/Gone.java`: no such file or folder",
            "README.md:2: `va nosuch`: va has no command nosuch",
            "README.md:2: link (nope.md): no such file beside README.md",
            "README.md:4: $ va bench index --nosuch: va bench index has no option --nosuch"),
        problems);
  }

  @Test
  void commandLinesAreTheWordsAfterVa() {
    assertEquals(
        List.of("bench", "index", "--rows", "0"),
        DocReferences.commandWords("$ bin/va bench index --rows 0   # comment").orElseThrow());
    assertTrue(DocReferences.commandWords("va: not a command").isEmpty());
    assertTrue(DocReferences.commandWords("java -jar va.jar").isEmpty());
  }

  @Test
  void aMissingCommandOrOptionIsNamed() {
    VaCommands commands = new VaCommands();
    assertTrue(commands.check(List.of("bench", "index", "--rows", "5")).isEmpty());
    assertTrue(commands.check(List.of("dataset", "info|generate")).isEmpty());
    assertEquals("va has no command nosuch", commands.check(List.of("nosuch")).orElseThrow());
    assertEquals(
        "va bench index has no option --nosuch",
        commands.check(List.of("bench", "index", "--nosuch", "1")).orElseThrow());
    assertTrue(
        commands.check(List.of("spark", "--help")).isEmpty(), "va spark is va-spark's launcher");
  }
}
