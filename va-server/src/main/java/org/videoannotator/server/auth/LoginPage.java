package org.videoannotator.server.auth;

/**
 * The {@code /login} page: the name and secret (accounts) or the token field, and why the last
 * attempt failed. It uses the web UI's stylesheet ({@code /css/app.css}, served without login) so
 * it looks like the rest of the UI; the few rules it needs are inline, so it stays usable when the
 * UI module is not on the classpath. Messages are fixed texts or numbers, never user input.
 */
final class LoginPage {
  /** Why the page is shown again. */
  enum Problem {
    NONE,
    WRONG_SECRET,
    THROTTLED
  }

  private LoginPage() {}

  /**
   * @param accounts whether the server has accounts (name and secret) rather than one token
   * @param waitSeconds with {@link Problem#THROTTLED}: how long to wait
   */
  static String html(boolean accounts, Problem problem, long waitSeconds) {
    String fields =
        accounts
            ? "<label>Name <input name=name autocomplete=username autofocus required></label>"
                + "<label>Secret <input name=secret type=password autocomplete=current-password required></label>"
            : "<label>Access token <input name=token type=password autocomplete=current-password autofocus required></label>";
    String hint =
        accounts
            ? "Log in with the name and secret your admin gave you (<code>va users add</code>)."
            : "This server is shared with one access token: ask whoever runs it (<code>--token-file</code>).";
    return PAGE.replace("<!--msg-->", message(accounts, problem, waitSeconds))
        .replace("<!--hint-->", hint)
        .replace("<!--fields-->", fields);
  }

  private static String message(boolean accounts, Problem problem, long waitSeconds) {
    String text =
        switch (problem) {
          case NONE -> null;
          case WRONG_SECRET ->
              accounts
                  ? "Wrong name or secret. Check both and try again."
                  : "Wrong access token. Check it and try again.";
          // Wrong guesses for this name from this address, or too many logins being checked at
          // once.
          case THROTTLED -> "Too many login attempts: wait " + waitSeconds + " s, then try again.";
        };
    return text == null ? "" : "<p class=login-error role=alert>" + text + "</p>";
  }

  private static final String PAGE =
      """
      <!doctype html><html lang=en><head><meta charset=utf-8>
      <meta name=viewport content="width=device-width, initial-scale=1">
      <title>Log in · Video Annotator</title><link rel=icon href="data:,">
      <link rel=stylesheet href=/css/app.css>
      <style>
        .login{max-width:24em;margin:12vh auto;padding:24px 28px;display:grid;gap:12px;font-family:system-ui,sans-serif;
          background:var(--panel,#fff);border:1px solid var(--line,#dde1e8);border-radius:var(--radius,8px)}
        .login label{display:grid;gap:4px;font-weight:600}
        .login-error{margin:0;padding:8px 10px;border-left:4px solid var(--no,#c23a3a);background:#fff7f7;border-radius:6px}
      </style></head>
      <body><header class=top><span class=brand>▶ Video Annotator</span></header>
      <main id=main><form class=login method=post action=/login>
      <h1>Log in</h1><!--msg-->
      <p class="muted small"><!--hint--></p>
      <!--fields-->
      <button type=submit class=primary>Log in</button></form></main></body></html>
      """;
}
