package org.videoannotator.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Role;
import org.videoannotator.server.store.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code va users}: the accounts of a corpus, kept in its annotation database. With at least one
 * account, {@code va serve} requires a login (or {@code Bearer NAME:SECRET}), binds every vote to
 * the account that cast it, and lets only admins delete labels or other people's votes.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the accounts of a corpus: add, list, remove, reset a secret.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Remove.class,
      UsersCommand.Reset.class,
      UsersCommand.Audit.class
    })
public final class UsersCommand implements VaSubcommand, Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  /** The corpus option every users subcommand takes. */
  static class CorpusOption {
    @Option(names = "--corpus", required = true, description = "the corpus folder")
    Path corpus;

    AnnotationStore open() {
      if (!Files.isDirectory(corpus)) {
        throw new UserException(
            "--corpus " + corpus + " is not a folder; give the corpus va serve serves");
      }
      return AnnotationStore.open(CorpusLayout.of(corpus).annotations());
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add an account and print its secret (shown once; stored only as an Argon2id hash).")
  static final class Add extends CorpusOption implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "account name: letters, digits, . _ @ -")
    String name;

    @Option(names = "--role", required = true, description = "admin, reviewer, annotator or viewer")
    String role;

    @Override
    public Integer call() {
      try (AnnotationStore store = open()) {
        String secret = store.users().add(name, parseRole(role));
        System.out.println("Added '" + name + "' (" + role + "). Its secret, shown only now:");
        System.out.println(secret);
        System.out.println(
            "Log in at /login with name and secret, or send 'Authorization: Bearer "
                + name
                + ":<secret>'.");
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the accounts and their roles.")
  static final class ListUsers extends CorpusOption implements Callable<Integer> {
    @Override
    public Integer call() {
      try (AnnotationStore store = open()) {
        for (UserStore.User u : store.users().list()) {
          System.out.printf("%-24s %-10s %s%n", u.name(), u.role().wire(), u.created());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove an account (its votes stay).")
  static final class Remove extends CorpusOption implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (AnnotationStore store = open()) {
        if (!store.users().remove(name)) {
          throw new UserException(
              "no user '" + name + "' in " + corpus + "; 'va users list' shows them");
        }
        System.out.println("Removed '" + name + "'.");
        if (!store.users().any()) {
          System.err.println(
              "Warning: that was the last account of "
                  + corpus
                  + ". A server running on it keeps"
                  + " refusing everyone until it is restarted; restarted, it is open to anyone on this machine"
                  + " (loopback) and refuses other hosts. Add an admin with 'va users add NAME --role admin --corpus "
                  + corpus
                  + "'.");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Give an account a new secret and print it.")
  static final class Reset extends CorpusOption implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (AnnotationStore store = open()) {
        System.out.println(store.users().resetSecret(name));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage() + " in " + corpus, e);
      }
      return 0;
    }
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description =
          "Print the newest destructive actions (label deletions, removals of others' votes, imports, account changes).")
  static final class Audit extends CorpusOption implements Callable<Integer> {
    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "entries (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      try (AnnotationStore store = open()) {
        for (UserStore.AuditEntry e : store.users().auditTrail(limit)) {
          System.out.printf("%s  %-16s %-14s %s%n", e.time(), e.actor(), e.action(), e.detail());
        }
      }
      return 0;
    }
  }

  static Role parseRole(String text) {
    try {
      return Role.fromWire(text);
    } catch (IllegalArgumentException e) {
      throw new UserException("--role " + e.getMessage().substring("role ".length()), e);
    }
  }
}
