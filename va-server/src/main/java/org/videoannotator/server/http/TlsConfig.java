package org.videoannotator.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.videoannotator.core.UserException;

/**
 * HTTPS from a PEM certificate chain and a PEM private key (PKCS#8, {@code BEGIN PRIVATE KEY}; RSA
 * or EC), as certificate tools and ACME clients write them. Read eagerly, so a wrong file is a
 * clear error at start, not a failed handshake later.
 */
public final class TlsConfig {
  private final KeyStore keyStore;
  private final String keyStorePassword;

  private TlsConfig(KeyStore keyStore, String keyStorePassword) {
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
  }

  /** Reads {@code certificate} (one or more PEM certificates, leaf first) and {@code key}. */
  public static TlsConfig fromPem(Path certificate, Path key) {
    Collection<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(certificate)) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new UserException(
          "--tls-cert " + certificate + " is not a PEM certificate (" + e.getMessage() + ")", e);
    }
    if (chain.isEmpty()) {
      throw new UserException("--tls-cert " + certificate + " holds no certificate");
    }
    PrivateKey privateKey = readKey(key);
    try {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "va", privateKey, password.toCharArray(), chain.toArray(Certificate[]::new));
      return new TlsConfig(store, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new UserException(
          "--tls-key "
              + key
              + " does not go with --tls-cert "
              + certificate
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static PrivateKey readKey(Path key) {
    String pem;
    try {
      pem = Files.readString(key, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UserException("cannot read --tls-key " + key + " (" + e.getMessage() + ")", e);
    }
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new UserException(
          "--tls-key "
              + key
              + " must be an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert"
              + " it with: openssl pkcs8 -topk8 -nocrypt -in "
              + key
              + " -out key-pkcs8.pem");
    }
    String body =
        pem.substring(
            pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
            pem.indexOf("-----END PRIVATE KEY-----"));
    byte[] der = Base64.getMimeDecoder().decode(body);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new UserException("--tls-key " + key + " is not an RSA, EC or Ed25519 private key");
  }

  /** A connector that speaks only HTTPS on {@code host:port}, with {@code http}'s limits. */
  public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore);
    ssl.setKeyStorePassword(keyStorePassword);
    HttpConfiguration https = new HttpConfiguration(http);
    // Clients reach a self-hosted annotator by address as often as by name: no SNI host check.
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
