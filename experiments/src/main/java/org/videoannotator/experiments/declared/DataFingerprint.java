package org.videoannotator.experiments.declared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.videoannotator.core.UserException;

/**
 * SHA-256 of a data set folder: over its files (not those starting with a dot) in path order, each
 * as {@code relative/path NUL sha256(bytes) LF}. A declaration records the fingerprint of the data its
 * expected figures were computed on, so a generator change is reported as such instead of as a
 * wall of failed figures. {@code make_declaration.py} computes the same digest.
 */
public final class DataFingerprint {
  private DataFingerprint() {}

  public static String of(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b)))
          .toList();
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        all.update((relative(folder, file) + "\0" + sha256(file) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException e) {
      throw new UserException(folder + ": cannot read the data set (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
