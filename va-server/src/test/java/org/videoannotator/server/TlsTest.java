package org.videoannotator.server;

import org.videoannotator.testkit.SyntheticCorpora;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.server.http.TlsConfig;

/** Issue 13 point 7: --tls-cert/--tls-key serve HTTPS only, and the session cookie is Secure. */
class TlsTest {
  @TempDir Path temp;

  /** A self-signed localhost certificate made by the JDK's keytool, written as PEM files. */
  private record Pem(Path cert, Path key, X509Certificate certificate) {}

  private Pem selfSigned() throws Exception {
    Path p12 = temp.resolve("ks.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "va", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), out);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      store.load(in, "changeit".toCharArray());
    }
    X509Certificate cert = (X509Certificate) store.getCertificate("va");
    Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Path certFile = Files.writeString(temp.resolve("cert.pem"),
        "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    Path keyFile = Files.writeString(temp.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + mime.encodeToString(store.getKey("va", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    return new Pem(certFile, keyFile, cert);
  }

  @Test
  void servesHttpsOnlyWithASecureSessionCookie() throws Exception {
    Pem pem = selfSigned();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("va", pem.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
    try (ServerRuntime runtime = ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), "s3cret",
        TlsConfig.fromPem(pem.cert(), pem.key()))) {
      String url = runtime.start("127.0.0.1", 0);
      assertTrue(url.startsWith("https://"), url);
      HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(url + "api/info"))
          .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, info.statusCode(), info.body());
      assertEquals("max-age=31536000", info.headers().firstValue("Strict-Transport-Security").orElse("none"),
          "over HTTPS, browsers are told to stay on HTTPS (HSTS)");
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url + "login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token=s3cret")).build(), HttpResponse.BodyHandlers.ofString());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(cookie.contains("; Secure"), cookie);
      // Plain HTTP on the same port gets no HTTP answer.
      try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] reply = new byte[16];
        int n;
        try {
          n = socket.getInputStream().read(reply);
        } catch (IOException e) {
          n = -1;
        }
        assertTrue(n <= 0 || !new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      }
    }
  }

  @Test
  void wrongKeyFilesAreNamed() throws Exception {
    Pem pem = selfSigned();
    Path rsa = Files.writeString(temp.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    UserException e = assertThrows(UserException.class, () -> TlsConfig.fromPem(pem.cert(), rsa));
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    UserException notCert = assertThrows(UserException.class, () -> TlsConfig.fromPem(pem.key(), pem.key()));
    assertTrue(notCert.getMessage().contains("--tls-cert"), notCert.getMessage());
  }
}
