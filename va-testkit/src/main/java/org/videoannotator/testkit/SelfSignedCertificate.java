package org.videoannotator.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's own
 * {@code keytool} (no crypto library needed), written as the PEM files {@code va serve --tls-cert
 * --tls-key} takes, plus a client {@link SSLContext} that trusts it.
 *
 * @param cert the certificate's PEM file
 * @param key the private key's PEM file (PKCS#8)
 */
public record SelfSignedCertificate(Path cert, Path key, X509Certificate certificate) {
  private static final String PASSWORD = "changeit";

  /** Makes a two-day certificate in {@code dir} ({@code cert.pem}, {@code key.pem}). */
  public static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
    Path p12 = dir.resolve("ks.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "va",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IOException("keytool failed: " + out);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(p12)) {
        store.load(in, PASSWORD.toCharArray());
      }
      X509Certificate cert = (X509Certificate) store.getCertificate("va");
      Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      Path certFile =
          Files.writeString(
              dir.resolve("cert.pem"),
              "-----BEGIN CERTIFICATE-----\n"
                  + mime.encodeToString(cert.getEncoded())
                  + "\n-----END CERTIFICATE-----\n");
      Path keyFile =
          Files.writeString(
              dir.resolve("key.pem"),
              "-----BEGIN PRIVATE KEY-----\n"
                  + mime.encodeToString(store.getKey("va", PASSWORD.toCharArray()).getEncoded())
                  + "\n-----END PRIVATE KEY-----\n");
      return new SelfSignedCertificate(certFile, keyFile, cert);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not read keytool's key store " + p12 + ": " + e.getMessage(), e);
    }
  }

  /** A TLS client context that trusts this certificate (and nothing else). */
  public SSLContext trustingIt() throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("va", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
