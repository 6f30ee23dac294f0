package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A server without token or accounts has nothing to log in to: {@code /login} sends the browser to
 * the UI instead of showing a form that asks for a token no one has.
 */
class OpenServerLoginTest extends ServerTestBase {
  private final HttpClient client = HttpClient.newHttpClient(); // follows no redirects

  @Test
  void loginPageAndFormLeadToTheUi() throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, page.statusCode());
    assertEquals("/", page.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> form =
        client.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", http.base())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("token=anything"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, form.statusCode(), form.body());
    assertEquals("/", form.headers().firstValue("Location").orElseThrow());
  }
}
