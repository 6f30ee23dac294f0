package org.videoannotator.server.auth;

import java.nio.file.Path;
import org.videoannotator.core.UserException;
import org.videoannotator.server.http.TlsConfig;
import picocli.CommandLine.Option;

/**
 * {@code --tls-cert} and {@code --tls-key}: serve HTTPS only. A mixin of {@code va serve} and
 * {@code va demo}.
 */
public final class TlsOptions {
  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Certificate chain (PEM, leaf first): serve HTTPS only.")
  Path certificate;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The certificate's private key (unencrypted PKCS#8 PEM).")
  Path key;

  /** The TLS settings, or null for plain HTTP. */
  public TlsConfig resolve() {
    if ((certificate == null) != (key == null)) {
      throw new UserException(
          "give --tls-cert and --tls-key together (or neither, for plain HTTP)");
    }
    return certificate == null ? null : TlsConfig.fromPem(certificate, key);
  }
}
