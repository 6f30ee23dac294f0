package org.videoannotator.treechecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a README names in backticks, checked against the tree. Three kinds of name, told apart by
 * their shape alone:
 *
 * <ul>
 *   <li>a {@code va} command: the span starts with {@code va }, {@code bin/va } or {@code $ va }
 *       (also such lines in fenced code blocks); its command words and options must exist ({@link
 *       VaCommands});
 *   <li>a file: a span without spaces with a {@code /} before its last character that starts with
 *       {@code ./}, {@code ../}, or a folder that exists beside the document or at the root ({@code
 *       bench/RESULTS.md}, {@code va-server/bench/loop/}); placeholders ({@code DIR/x.json}), URLs,
 *       UI routes ({@code #/}), {@code /api/...} routes, build output ({@code target/}) and folders
 *       a command writes ({@code report/plots/}) are not files. It must exist beside the document,
 *       at the root, or as the end of some path in the tree. Relative links {@code [text](path)}
 *       must exist beside the document;
 *   <li>a Java type: an optional lower-case package prefix ({@code core.io.}), a capitalised
 *       identifier with a lower-case letter and a second capital or a package prefix or a member
 *       ({@code CorpusLayout}, {@code core.csv.Csv}, {@code Corpus.open}), then optional {@code
 *       .Nested} types and {@code .member}s or {@code member(...)}. The type must be declared by a
 *       Java source in the tree (in that package when one is given), a nested type inside the same
 *       file, and a member must appear in that file. A type of the JDK or of a library on the class
 *       path ({@code ServiceLoader}, {@code KnnFloatVectorQuery}) passes, as do the few names of
 *       projects that are not ({@link #OTHER_PROJECTS}). A single capitalised word ({@code Corpus})
 *       is taken for a type only when some source declares it.
 * </ul>
 */
final class DocReferences {
  /**
   * Names documents use from projects that are not on the class path: the Python reference (numpy's
   * {@code RandomState}, scikit-learn's {@code LogisticRegressionCV} and {@code StratifiedKFold},
   * the reference package's {@code Experiment} and {@code LabeledDataset}), Spark's {@code
   * SparkSubmit} (provided scope: on va-spark's class path only) and IEEE 754's {@code NaN}.
   */
  static final Set<String> OTHER_PROJECTS =
      Set.of(
          "RandomState",
          "LogisticRegressionCV",
          "StratifiedKFold",
          "Experiment",
          "LabeledDataset",
          "SparkSubmit",
          "NaN");

  private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern JAVA =
      Pattern.compile(
          "((?:[a-z][a-z0-9]*\\.)*)([A-Z][A-Za-z0-9]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\(.*\\))?");

  private final Repo repo;
  private final JavaTypes types;
  private final LibraryTypes libraries;
  private final VaCommands commands;

  DocReferences(Repo repo, JavaTypes types, LibraryTypes libraries, VaCommands commands) {
    this.repo = repo;
    this.types = types;
    this.libraries = libraries;
    this.commands = commands;
  }

  /** Every broken name in {@code doc}, as {@code file:line: `span`: why}. */
  List<String> problems(Path doc) {
    List<String> out = new ArrayList<>();
    String[] lines = repo.read(doc).split("\n", -1);
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      String where = doc + ":" + (i + 1) + ": ";
      if (fenced) {
        commandWords(line.strip())
            .flatMap(commands::check)
            .ifPresent(p -> out.add(where + line.strip() + ": " + p));
        continue;
      }
      Matcher span = SPAN.matcher(line);
      while (span.find()) {
        String s = span.group(1).strip();
        check(doc, s).ifPresent(p -> out.add(where + "`" + s + "`: " + p));
      }
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("(?i)(https?|mailto):.*|#.*")) {
          String file = target.replaceAll("#.*$", "");
          if (!repo.exists(parent(doc).resolve(file))) {
            out.add(where + "link (" + target + "): no such file beside " + doc);
          }
        }
      }
    }
    return out;
  }

  private Optional<String> check(Path doc, String span) {
    Optional<List<String>> words = commandWords(span);
    if (words.isPresent()) {
      return commands.check(words.get());
    }
    if (isPath(doc, span)) {
      return fileExists(doc, span) ? Optional.empty() : Optional.of("no such file or folder");
    }
    Matcher java = JAVA.matcher(span);
    if (java.matches()) {
      return checkJava(java.group(1), java.group(2), java.group(3));
    }
    return Optional.empty();
  }

  /**
   * The words after {@code va} when the text is a {@code va} command line, up to a comment or pipe.
   */
  static Optional<List<String>> commandWords(String text) {
    String t = text.startsWith("$ ") ? text.substring(2) : text;
    List<String> words = new ArrayList<>(Arrays.asList(t.split("\\s+")));
    if (words.isEmpty() || !(words.getFirst().equals("va") || words.getFirst().equals("bin/va"))) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      if (w.startsWith("#")
          || w.equals("|")
          || w.equals("&&")
          || w.equals(";")
          || w.startsWith(">")
          || w.startsWith("2>")
          || w.equals("\\")) {
        break;
      }
      out.add(w);
    }
    return Optional.of(out);
  }

  /**
   * A path of the tree: it starts with {@code ./} or {@code ../}, or its first folder exists beside
   * the document or at the root (so {@code report/plots/}, a folder a command writes, is not one).
   */
  private boolean isPath(Path doc, String s) {
    if (s.contains(" ")
        || !s.contains("/")
        || s.startsWith("/")
        || s.startsWith("#")
        || s.contains("://")
        || s.matches(".*[<>*$~{}=:].*")
        || Arrays.stream(s.split("/")).anyMatch(part -> part.matches("[A-Z][A-Z0-9_]*(\\..*)?"))
        || Arrays.stream(s.split("/")).anyMatch(part -> part.startsWith("target"))) {
      return false;
    }
    if (s.startsWith("./") || s.startsWith("../")) {
      return true;
    }
    String first = s.split("/")[0];
    return s.indexOf('/') < s.length() - 1
        && (repo.exists(parent(doc).resolve(first)) || repo.exists(Path.of(first)));
  }

  private boolean fileExists(Path doc, String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (repo.exists(parent(doc).resolve(p)) || repo.exists(Path.of(p))) {
      return true;
    }
    String suffix = "/" + p;
    return repo.files.stream()
        .map(f -> "/" + f.toString().replace('\\', '/'))
        .anyMatch(f -> f.endsWith(suffix) || f.contains(suffix + "/"));
  }

  private Optional<String> checkJava(String packagePrefix, String type, String rest) {
    boolean camel =
        type.chars().skip(1).anyMatch(Character::isUpperCase)
            && type.chars().anyMatch(Character::isLowerCase);
    List<JavaTypes.Source> declaring = types.declaring(type);
    if (!packagePrefix.isEmpty()) {
      String pkg = packagePrefix.substring(0, packagePrefix.length() - 1).replace('.', '/');
      declaring =
          declaring.stream()
              .filter(s -> s.packagePath().equals(pkg) || s.packagePath().endsWith("/" + pkg))
              .filter(
                  s -> s.path().getFileName().toString().equals(type + ".java") || !rest.isEmpty())
              .toList();
      if (declaring.isEmpty()) {
        return Optional.of(
            "no type " + type + " in a package " + packagePrefix.replaceAll("\\.$", ""));
      }
    } else if (declaring.isEmpty()) {
      boolean typeShaped = camel || !rest.isEmpty() && rest.length() > 1;
      boolean elsewhere = OTHER_PROJECTS.contains(type) || libraries.contains(type);
      return typeShaped && !elsewhere && type.chars().anyMatch(Character::isLowerCase)
          ? Optional.of("no Java type " + type + " in the tree")
          : Optional.empty();
    }
    for (String part : rest.isEmpty() ? new String[0] : rest.substring(1).split("\\.")) {
      Pattern word = Pattern.compile("\\b" + Pattern.quote(part) + "\\b");
      List<JavaTypes.Source> having =
          declaring.stream().filter(s -> word.matcher(s.text()).find()).toList();
      if (having.isEmpty()) {
        return Optional.of(type + " has no " + part);
      }
      if (Character.isUpperCase(part.charAt(0)) && part.chars().anyMatch(Character::isLowerCase)) {
        declaring = having;
      }
    }
    return Optional.empty();
  }

  private static Path parent(Path doc) {
    return doc.getParent() == null ? Path.of("") : doc.getParent();
  }
}
