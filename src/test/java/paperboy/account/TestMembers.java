package paperboy.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.App;

/**
 * Members for tests: make one (any role) straight in the store, and log in over HTTP on a running
 * server as a browser would (the log-in form, its CSRF cookie and token, the session cookie), getting
 * a {@link Browser} that keeps the cookies and puts the CSRF token in every form it posts.
 *
 * <pre>{@code
 * Member ada = TestMembers.add(server.app(), "Ada", Role.MODERATOR);
 * TestMembers.Browser browser = TestMembers.logIn(server.port(), ada);
 * HttpResponse<String> r = browser.post("/papers/2608.19880/upvote", "x", "1");
 * }</pre>
 */
public final class TestMembers {
    /** The password of every member made here: long enough and not a common one. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private TestMembers() {}

    /** A member named {@code name} with email {@code <name>@example.org} (lower case, no spaces) and {@link #PASSWORD}. */
    public static Member add(App app, String name, Role role) {
        return add(app.accounts(), name, email(name), role);
    }

    public static Member add(Accounts accounts, String name, String email, Role role) {
        return accounts.members().add(name, email, accounts.passwords().hash(PASSWORD), role)
                .orElseThrow(() -> new IllegalStateException("a member with the name " + name + " or email " + email + " exists"));
    }

    public static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@example.org";
    }

    /** Logs {@code member} in with {@link #PASSWORD} on the server at {@code port}. */
    public static Browser logIn(int port, Member member) {
        Browser browser = anonymous(port);
        HttpResponse<String> answer = browser.logIn(member.email(), PASSWORD);
        if (answer.statusCode() != 303 || browser.cookie(Cookies.SESSION) == null) {
            throw new IllegalStateException("log-in of " + member.email() + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return browser;
    }

    /** A browser with no cookies yet. */
    public static Browser anonymous(int port) {
        return new Browser(port);
    }

    /**
     * A cookie-keeping HTTP client on one server that follows no redirects (tests see the 303s).
     * {@link #post} adds the CSRF token of the last page it read (or of a fresh {@code /login} page
     * when it has read none).
     */
    public static final class Browser {
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrf;

        Browser(int port) {
            this.port = port;
        }

        public int port() {
            return port;
        }

        /** A cookie this browser holds, or null. */
        public String cookie(String name) {
            return cookies.get(name);
        }

        /** The session cookie's value (null when logged out). */
        public String sessionId() {
            return cookies.get(Cookies.SESSION);
        }

        /** The CSRF token of the last page read that had one. */
        public String csrfToken() {
            if (csrf == null) {
                get("/login");
            }
            return csrf;
        }

        /** Forgets the CSRF token, as a test of a missing one needs. */
        public void setCsrfToken(String token) {
            this.csrf = token;
        }

        /** The {@code Cookie} header this browser sends. */
        public String cookieHeader() {
            return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }

        public HttpResponse<String> get(String path, String... headers) {
            return send(request(path, headers).GET());
        }

        /** A request of any method with no body (and no CSRF token), with these headers (name, value, ...). */
        public HttpResponse<String> send(String method, String path, String... headers) {
            return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
        }

        /** Posts a form of {@code fields} (name, value, ...) with this browser's CSRF token as {@code _csrf}. */
        public HttpResponse<String> post(String path, String... fields) {
            List<String> all = new ArrayList<>(List.of(fields));
            all.add("_csrf");
            all.add(csrfToken());
            return postRaw(path, all.toArray(String[]::new));
        }

        /** Posts exactly these fields: no CSRF token unless among them. */
        public HttpResponse<String> postRaw(String path, String... fields) {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }

        /** Posts JSON as a script would, with the token in {@code X-CSRF-Token}. */
        public HttpResponse<String> postJson(String path, String json) {
            return send(request(path, "Content-Type", "application/json", "Accept", "application/json",
                    "X-CSRF-Token", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /**
         * Fills in and posts the log-in form; once logged in, reads the form again for the new
         * session's CSRF token.
         */
        public HttpResponse<String> logIn(String email, String password) {
            get("/login");
            HttpResponse<String> answer = post("/login", "email", email, "password", password);
            if (answer.statusCode() == 303) {
                get("/login");
            }
            return answer;
        }

        private HttpRequest.Builder request(String path, String... headers) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (headers.length > 0) {
                builder.headers(headers);
            }
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookieHeader());
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                keepCookies(response);
                keepToken(response.body());
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void keepCookies(HttpResponse<String> response) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip(), value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || header.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        private void keepToken(String body) {
            Matcher meta = META_CSRF.matcher(body);
            Matcher hidden = HIDDEN_CSRF.matcher(body);
            if (meta.find()) {
                csrf = meta.group(1);
            } else if (hidden.find()) {
                csrf = hidden.group(1);
            }
        }

        private static String form(String... fields) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return body.toString();
        }
    }
}
