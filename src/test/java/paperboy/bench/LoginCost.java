package paperboy.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.App;
import paperboy.account.AccountLimits;
import paperboy.account.Passwords;
import paperboy.account.Role;
import paperboy.config.Config;

/**
 * What a log-in costs: one Argon2id hash with the default parameters (median of 30, one thread),
 * then log-ins per second over HTTP on the real server (SQLite in a temporary folder, limits off)
 * with 2 and 8 clients logging in as fast as they can for 20 s each, and the latency of
 * {@code /healthz} asked by one more client meanwhile (the pages must not starve behind hashing).
 *
 * <p>Not a test; run with {@code bench/run.sh LoginCost [SECONDS]}.
 */
public final class LoginCost {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.printf("LoginCost; %s%n", Machine.describe());
        hashCost();
        Path data = Files.createTempDirectory("paperboy-login-bench");
        try (App app = new App(new Config(0, data, null, false))) {
            app.accounts().members().add("Bench", "bench@example.org", app.accounts().passwords().hash(PASSWORD), Role.MEMBER);
            Javalin web = app.web(AccountLimits.off()).start("127.0.0.1", 0);
            try {
                for (int clients : new int[] {2, 8}) {
                    flood(web.port(), clients, seconds);
                }
            } finally {
                web.stop();
            }
        }
    }

    private static void hashCost() {
        Passwords passwords = new Passwords(Passwords.Cost.DEFAULT, 1);
        String stored = passwords.hash(PASSWORD);
        for (int i = 0; i < 5; i++) {
            passwords.verify(PASSWORD, stored); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            passwords.verify(PASSWORD, stored);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("argon2id %s: median %.1f ms, min %.1f ms, max %.1f ms per hash (load %s)%n",
                stored.substring(0, stored.indexOf('$', 16)), millis.get(15), millis.get(0), millis.get(29), Machine.load());
    }

    private static void flood(int port, int clients, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Future<List<Double>>> logins = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            logins.add(pool.submit(() -> logInRepeatedly(port, stop)));
        }
        Future<List<Double>> pages = pool.submit(() -> getRepeatedly(port, "/healthz", stop));
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : logins) {
            all.addAll(f.get());
        }
        List<Double> page = pages.get();
        pool.shutdown();
        Collections.sort(all);
        Collections.sort(page);
        System.out.printf("%d clients: %.1f log-ins/s (%d in %d s), log-in p50 %.0f ms p99 %.0f ms; /healthz meanwhile p50 %.1f ms p99 %.1f ms (load %s)%n",
                clients, all.size() / (double) seconds, all.size(), seconds, pct(all, 50), pct(all, 99), pct(page, 50), pct(page, 99),
                Machine.load());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** One client: the log-in form, then the post, again and again; the time of each post. */
    private static List<Double> logInRepeatedly(int port, AtomicBoolean stop) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            while (!stop.get()) {
                HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
                Matcher token = CSRF.matcher(form.body());
                token.find();
                String body = "email=bench%40example.org&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + token.group(1);
                long start = System.nanoTime();
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 303) {
                    throw new IllegalStateException("log-in answered " + answer.statusCode());
                }
                if (!stop.get()) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return millis;
    }

    private static List<Double> getRepeatedly(int port, String path, AtomicBoolean stop) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (!stop.get()) {
                long start = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
                millis.add((System.nanoTime() - start) / 1e6);
                Thread.sleep(50);
            }
        }
        return millis;
    }
}
