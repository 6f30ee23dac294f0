package org.videoannotator.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import picocli.CommandLine.Option;

/**
 * Where a serving command gets its access token: a file or the {@value #ENV} environment variable,
 * so it stays out of the process list ({@code ps} shows every argument); {@code --token} still
 * works, with a warning. A picocli mixin shared by {@code va serve} and {@code va demo}.
 */
public final class TokenOptions {
  public static final String ENV = "VA_TOKEN";
  private static final Logger LOG = LoggerFactory.getLogger(TokenOptions.class);

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the access token clients must send (first line); required, or "
              + ENV
              + ", when --host is not a loopback address.")
  Path tokenFile;

  @Option(
      names = "--token",
      paramLabel = "SECRET",
      description =
          "The access token itself (visible to other users in the process list: prefer --token-file or "
              + ENV
              + ").")
  String token;

  /**
   * A warning when {@code file} can be read by other users of the machine (group or others may read
   * it), so they can read the token; empty on file systems without POSIX permissions.
   */
  public static Optional<String> readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.OTHERS_READ)
          || perms.contains(PosixFilePermission.GROUP_READ)) {
        return Optional.of(
            "--token-file "
                + file
                + " can be read by other users of this machine ("
                + PosixFilePermissions.toString(perms)
                + "); run 'chmod 600 "
                + file
                + "'");
      }
    } catch (UnsupportedOperationException | IOException e) {
      // no POSIX permissions here: nothing to say
    }
    return Optional.empty();
  }

  /** The configured token, or null for none; reads the file or the environment. */
  public String resolve() {
    return resolve(System.getenv(ENV));
  }

  String resolve(String fromEnvironment) {
    if (tokenFile != null && token != null) {
      throw new UserException("give the token once: --token-file or --token, not both");
    }
    if (tokenFile != null) {
      try {
        String first =
            Files.readString(tokenFile, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (first.isEmpty()) {
          throw new UserException(
              "--token-file " + tokenFile + " is empty; write the token on its first line");
        }
        readableByOthers(tokenFile).ifPresent(LOG::warn);
        return first;
      } catch (IOException e) {
        throw new UserException(
            "cannot read --token-file " + tokenFile + " (" + e.getMessage() + ")", e);
      }
    }
    if (token != null) {
      LOG.warn(
          "--token is visible to every user of this machine in the process list; use --token-file or {}",
          ENV);
      return token;
    }
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }
}
