package org.videoannotator.bench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.server.ApiRoutes;

/**
 * Seeded malformed requests over raw sockets (so even invalid request targets and bodies reach the
 * server as sent): random methods, route templates with hostile path segments, random query
 * parameters and values, and bodies from garbage bytes to deeply nested JSON. Reports the statuses;
 * a 5xx or a dropped connection is a finding.
 */
public final class Fuzzer {
  /** What a fuzzing run saw. */
  public record Report(
      int requests,
      Map<Integer, Integer> statuses,
      List<String> serverErrors,
      int connectionErrors) {
    public int count5xx() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() >= 500)
          .mapToInt(Map.Entry::getValue)
          .sum();
    }
  }

  static final String[] METHODS = {
    "GET", "GET", "GET", "POST", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"
  };

  /**
   * Route templates with the method they answer (the fuzzer uses another method now and then):
   * every route of the server's table ({@link ApiRoutes}), so a new route is fuzzed without being
   * listed here, plus what the table does not hold: the query-parameter forms with a key, the login
   * form, and paths that match no route.
   */
  static final List<String[]> ROUTES = routes();

  /** The feeds served, from the registry, so a new feed is fuzzed too. */
  static final List<String> FEEDS =
      FeedRegistry.servable().stream().map(FeedRegistry.FeedInfo::id).toList();

  private static List<String[]> routes() {
    List<String[]> out = new ArrayList<>();
    for (ApiRoutes.Route r : ApiRoutes.routes()) {
      out.add(new String[] {r.method(), r.path()});
    }
    for (String[] extra :
        new String[][] {
          {"GET", "/api/clip?key={key}"},
          {"GET", "/api/media/thumbnail?key={key}"},
          {"GET", "/api/media/preview?key={key}"},
          {"DELETE", "/api/labels/{label}/annotations?key={key}"},
          {"GET", "/api/{label}"},
          {"GET", "/{label}"},
          {"POST", "/login"}
        }) {
      out.add(extra);
    }
    return List.copyOf(out);
  }

  static final String[] PARAMS = {
    "k",
    "offset",
    "text",
    "words",
    "query",
    "like",
    "label",
    "unlabelled",
    "filter",
    "format",
    "annotator",
    "version",
    "limit",
    "key"
  };
  static final String[] HOSTILE = {
    "",
    " ",
    "..",
    "../..",
    "%2e%2e%2f",
    "%2F",
    "%00",
    "%zz",
    "%",
    "\u00e9\u00e8",
    "\ud83d\ude00",
    "<script>alert(1)</script>",
    "'; DROP TABLE events; --",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "null",
    "true",
    "[]",
    "{}",
    "a|b",
    "a,b,,c",
    "yes",
    "no",
    "unsure",
    "csv",
    "labelbox",
    "va",
    "top-positive",
    "auto",
    "flipped",
    "x".repeat(5000)
  };

  private final String host;
  private final int port;
  private final List<String> labels;
  private final List<String> keys;

  /**
   * @param baseUrl the server, e.g. http://127.0.0.1:7070; labels and keys make some requests valid
   */
  public Fuzzer(String baseUrl, List<String> labels, List<String> keys) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.labels = List.copyOf(labels);
    this.keys = List.copyOf(keys);
  }

  public Report run(int requests, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    int connectionErrors = 0;
    for (int i = 0; i < requests; i++) {
      String[] route = ROUTES.get(random.nextInt(ROUTES.size()));
      String method = random.nextInt(5) == 0 ? METHODS[random.nextInt(METHODS.length)] : route[0];
      String target = target(route[1], random);
      byte[] body = method.equals("GET") || method.equals("HEAD") ? new byte[0] : body(random);
      String contentType = random.nextInt(4) == 0 ? "text/plain" : "application/json";
      Framing framing = Framing.pick(random);
      try {
        int status =
            send(
                method,
                target,
                contentType,
                body,
                random.nextInt(8) == 0 ? pick(random) : null,
                framing,
                random);
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500 && serverErrors.size() < 20) {
          serverErrors.add(
              status
                  + " "
                  + framing
                  + " "
                  + method
                  + " "
                  + shorten(target)
                  + " body="
                  + shorten(new String(body, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        connectionErrors++;
        if (serverErrors.size() < 20) {
          serverErrors.add(
              "connection error " + e.getMessage() + " on " + method + " " + shorten(target));
        }
      }
    }
    return new Report(requests, statuses, serverErrors, connectionErrors);
  }

  private String target(String template, SplittableRandom random) {
    String path =
        template
            .replace("{label}", segment(random, labels))
            .replace("{key}", segment(random, keys))
            .replace("{feed}", segment(random, FEEDS))
            .replace("{id}", segment(random, List.of("1", "2", "3")))
            .replace("{version}", segment(random, List.of("1", "2", "3")));
    StringBuilder target = new StringBuilder(path);
    int params = random.nextInt(4);
    for (int p = 0; p < params; p++) {
      target
          .append(p == 0 && path.indexOf('?') < 0 ? '?' : '&')
          .append(PARAMS[random.nextInt(PARAMS.length)])
          .append('=')
          .append(
              encode(
                  random.nextInt(3) == 0 ? String.valueOf(random.nextInt(-5, 2000)) : pick(random),
                  random));
    }
    return target.toString();
  }

  private String segment(SplittableRandom random, List<String> valid) {
    if (!valid.isEmpty() && random.nextInt(3) == 0) {
      return encode(valid.get(random.nextInt(valid.size())), random);
    }
    return encode(pick(random), random);
  }

  private static String pick(SplittableRandom random) {
    return HOSTILE[random.nextInt(HOSTILE.length)];
  }

  /** Percent-encodes most of the time; sometimes leaves raw (possibly invalid) escapes in place. */
  private static String encode(String s, SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    boolean raw = random.nextInt(5) == 0;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || (raw && (c == '%' || c == '/' || c == '|'));
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private byte[] body(SplittableRandom random) {
    String key = keys.isEmpty() ? "k" : keys.get(random.nextInt(keys.size()));
    return (switch (random.nextInt(12)) {
          case 0 -> "";
          case 1 -> "{";
          case 2 -> "[".repeat(3000) + "]".repeat(3000);
          case 3 -> "{\"name\": " + pick(random).length() + "}";
          case 4 -> "{\"name\": \"" + pick(random).replace("\"", "") + "\", \"keywords\": 5}";
          case 5 ->
              "{\"key\": \"" + key + "\", \"value\": \"" + pick(random).replace("\"", "") + "\"}";
          case 6 ->
              "[{\"key\": \""
                  + key
                  + "\", \"value\": \"yes\", \"source\": {\"kind\": \"feed\", \"buildId\": \"x\"}}]";
          case 7 -> "{\"annotations\": {\"key\": 1}}";
          case 8 -> "key,value\n\"unterminated,yes\n";
          case 9 ->
              "{\"name\":\"x\",\"answer\":{\"name\":\"yes\",\"frames\":[{\"start\":9,\"end\":-3}]},\"dataRow\":{\"globalKey\":1}}";
          case 10 -> "{\"feedSize\": 1e400, \"seed\": -1, \"keys\": [1, null, {}]}";
          default -> {
            byte[] bytes = new byte[random.nextInt(1, 512)];
            random.nextBytes(bytes);
            yield new String(bytes, StandardCharsets.ISO_8859_1);
          }
        })
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * How a request is framed and addressed: plainly, or the ways hostile or broken clients do it
   * (issue 13): chunked bodies, bodies shorter than their Content-Length, bodies sent slowly, a
   * foreign Origin (cross-site page), a foreign Host (DNS rebinding), another annotator's name; and
   * (issue 27) bodies split in two with a short pause between (a loaded machine, a GC) and bodies
   * paused several times, which once made Jetty's data rate check answer 500.
   */
  enum Framing {
    PLAIN,
    CHUNKED,
    SHORT_BODY,
    SLOW_BODY,
    FOREIGN_ORIGIN,
    FOREIGN_HOST,
    FORGED_ANNOTATOR,
    SPLIT_BODY,
    PAUSED_BODY;

    static Framing pick(SplittableRandom random) {
      if (random.nextInt(3) != 0) {
        return PLAIN;
      }
      Framing f = values()[1 + random.nextInt(values().length - 1)];
      // Slow and paused bodies take up to a second each: keep them rare.
      return (f == SLOW_BODY || f == PAUSED_BODY) && random.nextInt(10) != 0 ? SPLIT_BODY : f;
    }
  }

  /** Sends one HTTP/1.1 request on a fresh connection and returns the status code. */
  private int send(
      String method,
      String target,
      String contentType,
      byte[] body,
      String annotator,
      Framing framing,
      SplittableRandom random)
      throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(60_000);
      socket.setTcpNoDelay(true); // split bodies must leave in separate packets
      String hostHeader =
          framing == Framing.FOREIGN_HOST ? "rebind.evil.example" : host + ":" + port;
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\n")
              .append("Host: ")
              .append(hostHeader)
              .append("\r\n")
              .append("Connection: close\r\n")
              .append("Content-Type: ")
              .append(contentType)
              .append("\r\n");
      if (framing == Framing.CHUNKED) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else {
        int declared =
            framing == Framing.SHORT_BODY ? body.length + 1 + random.nextInt(1000) : body.length;
        head.append("Content-Length: ").append(declared).append("\r\n");
      }
      if (framing == Framing.FOREIGN_ORIGIN) {
        head.append("Origin: http://evil.example\r\n");
      }
      if (framing == Framing.FORGED_ANNOTATOR) {
        head.append("X-Annotator: someone-else\r\n");
      } else if (annotator != null) {
        head.append("X-Annotator: ").append(annotator.replaceAll("[\\r\\n]", "")).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      try {
        writeBody(socket, out, body, framing, random);
      } catch (IOException cutOff) {
        // a refused body is cut off (issue 27): the answer is already there to read
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        statusLine.write(c);
      }
      in.transferTo(OutputStream.nullOutputStream());
      String line = statusLine.toString(StandardCharsets.ISO_8859_1);
      String[] parts = line.split(" ");
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("no HTTP status line: '" + shorten(line) + "'");
      }
      return Integer.parseInt(parts[1]);
    }
  }

  private static void writeBody(
      Socket socket, OutputStream out, byte[] body, Framing framing, SplittableRandom random)
      throws IOException {
    switch (framing) {
      case CHUNKED -> {
        for (int at = 0; at < body.length; ) {
          int n = Math.min(body.length - at, 1 + random.nextInt(64));
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, at, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          at += n;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      case SHORT_BODY -> {
        out.write(body);
        out.flush();
        socket.shutdownOutput(); // the rest never comes
      }
      case SLOW_BODY -> {
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        sleep(500);
        out.write(body, half, body.length - half);
      }
      case SPLIT_BODY -> {
        int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
        out.write(body, 0, at);
        out.flush();
        sleep(5 + random.nextInt(60));
        out.write(body, at, body.length - at);
      }
      case PAUSED_BODY -> {
        int pieces = 2 + random.nextInt(4);
        for (int p = 0, at = 0; p < pieces; p++) {
          int end =
              p == pieces - 1
                  ? body.length
                  : Math.min(body.length, at + random.nextInt(body.length / pieces + 1));
          out.write(body, at, end - at);
          out.flush();
          at = end;
          if (p < pieces - 1) {
            sleep(100 + random.nextInt(200));
          }
        }
      }
      default -> out.write(body);
    }
    out.flush();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String shorten(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }
}
