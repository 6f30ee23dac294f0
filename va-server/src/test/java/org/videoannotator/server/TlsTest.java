package org.videoannotator.server;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.server.http.TlsConfig;
import org.videoannotator.testkit.SelfSignedCertificate;
import org.videoannotator.testkit.SyntheticCorpora;

/** Issue 13 point 7: --tls-cert/--tls-key serve HTTPS only, and the session cookie is Secure. */
class TlsTest {
  @TempDir Path temp;

  @Test
  void servesHttpsOnlyWithASecureSessionCookie() throws Exception {
    SelfSignedCertificate pem = SelfSignedCertificate.create(temp);
    HttpClient client = HttpClient.newBuilder().sslContext(pem.trustingIt()).build();
    try (ServerRuntime runtime =
        ServerRuntime.over(
            SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7),
            "s3cret",
            TlsConfig.fromPem(pem.cert(), pem.key()))) {
      String url = runtime.start("127.0.0.1", 0);
      assertTrue(url.startsWith("https://"), url);
      HttpResponse<String> info =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "api/info"))
                  .header("Authorization", "Bearer s3cret")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, info.statusCode(), info.body());
      assertEquals(
          "max-age=31536000",
          info.headers().firstValue("Strict-Transport-Security").orElse("none"),
          "over HTTPS, browsers are told to stay on HTTPS (HSTS)");
      HttpResponse<String> login =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("token=s3cret"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(cookie.contains("; Secure"), cookie);
      // Plain HTTP on the same port gets no HTTP answer.
      try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
        socket.setSoTimeout(5_000);
        socket
            .getOutputStream()
            .write(
                "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        byte[] reply = new byte[16];
        int n;
        try {
          n = socket.getInputStream().read(reply);
        } catch (IOException e) {
          n = -1;
        }
        assertTrue(
            n <= 0
                || !new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      }
    }
  }

  @Test
  void wrongKeyFilesAreNamed() throws Exception {
    SelfSignedCertificate pem = SelfSignedCertificate.create(temp);
    Path rsa =
        Files.writeString(
            temp.resolve("rsa.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    UserException e = assertThrows(UserException.class, () -> TlsConfig.fromPem(pem.cert(), rsa));
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    UserException notCert =
        assertThrows(UserException.class, () -> TlsConfig.fromPem(pem.key(), pem.key()));
    assertTrue(notCert.getMessage().contains("--tls-cert"), notCert.getMessage());
  }
}
