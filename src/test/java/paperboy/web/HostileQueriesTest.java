package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/**
 * Whatever is typed into the search box, or sent to the search API, gets an answer and never a
 * 5xx: query syntax of every kind, broken syntax, and the sentences researchers write, full of
 * slashes, parentheses, brackets, colons, tildes and carets; in every mode, against the real
 * server with the fixture papers embedded.
 */
class HostileQueriesTest {
    /** Long enough for any search on the fixtures; a request that takes longer has frozen the server. */
    private static final Duration HANG = Duration.ofSeconds(60);

    /** Lucene syntax, valid and broken. */
    static final List<String> SYNTAX = List.of(
            "/[a-z]{1,1000}{1,1000}/", "/a</", "/.*/", "/(a|b|c)*d{1,50}/", "abstract:/.*/", "title:/[a-z]+/",
            "transformer~", "transformer~2", "transformer~999999999", "transformer~0.0000001",
            "attentionmechanismattentionmechanismattentionmechanismattention~2",
            "\"attention is all you need\"~1000000",
            "a*", "*", "*ransformer", "?ttention", "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*",
            "a?b?c?d?e?f?g?h?i?j?k?l?m?n?o?p?q?r?s?t?u?v?w?x?y?z?", "abstract:a*", "author:*", "title:*a*",
            "[a TO z]", "{* TO *}", "title:[a TO zzzz]", "[1 TO", "abstract:[a TO z]", "[* TO *] transformer",
            "transformer^1000000", "transformer^-1", "transformer^", "^", "~", "~~~",
            "nosuchfield:value", "_id:2405.15738", "published:[0 TO 9]", "vector:x",
            "\"unbalanced quote", "(unbalanced paren", "unbalanced paren)", "[unbalanced bracket", "{unbalanced brace",
            "a && b", "&& ||", "!", "!!attention", "\\", "attention\\", "\\\\\\\\", "\\/", "AND", "OR NOT", "NOT",
            "-", "+", "+-+-", ":", "title:", "cat:", "author:\"", "abstract:", "-cat:cs.CL", "cat:\"cs.CL",
            "\u0000attention", "\u0001\u0007\u001b[31m red", "tab\there\nnewline\rreturn",
            "x".repeat(249), "ab".repeat(60) + "~2", "ab".repeat(60) + "*",
            "注意力机制 Transformer", "ℵ₀ 𝔽₂ ∀x∃y", "🤖 robots 🤖*", "שלום עולם", "e\u0301\u0301\u0301",
            "\uFEFF\u200B\u200D zero width", "\uD800 lone surrogate",
            "title:(a OR b) AND abstract:\"x y\"~3", "(((((((((((((((((((((attention)))))))))))))))))))))",
            "x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12 x13 x14 x15 x16 x17 x18 x19 x20 x21 x22 x23 x24 x25 x26",
            "1/2000", "TCP/IP", "Arp2/3", "HAM/TSP", "/", "//", "///", "a/b/c/d/e/f/g");

    /** Claims and questions as scientists write them. */
    static final List<String> SENTENCES = List.of(
            "ranking with online / offline metrics (CTR/CVR) in A/B tests",
            "IL-6/STAT3 (but not [Ca2+]) ~2x",
            "p<0.05 ^ n=12: TCP/IP",
            "The 5/6 nephrectomy model (n = 8/group) shows ~30% loss",
            "Bcl-2/Bax ratio [increased] in CA1/CA3 (hippocampus)",
            "k-NN (k=5) vs. SVM/RBF: F1 ~0.9^2",
            "\"quoted claim\" with an unclosed (parenthesis / slash",
            "Na+/K+-ATPase activity: ~40% ↓ (p < 0.01)",
            "x^2 + y^2 = r^2 on [0, 1]",
            "E = mc^2 (Einstein, 1905) / special relativity",
            "CD4+/CD8+ T-cell ratio {normal range: 1-4}",
            "What is 1/2000 of ~3.5 GHz?",
            "HER2+/ER− breast cancer [stage II/III]",
            "O(n log n) / O(n^2) sorting: merge sort vs. quicksort",
            "alpha/beta-hydrolase fold: \"catalytic triad\" (Ser/His/Asp)",
            "A/B/C/D/E/F/G testing",
            "time-to-event ~ Weibull(λ, k) / Cox PH",
            "SARS-CoV-2 S1/S2 cleavage site: RRAR/S",
            "user:pass@host:8080/path?x=1&y=2#frag",
            "C:\\Users\\paper\\draft.tex",
            "¬(A ∧ B) ⇔ (¬A ∨ ¬B) // De Morgan",
            "[1] Smith et al. (2020) ~ see fig. 3/4",
            "“curly quotes” and ‘single’ ones — dashes",
            "IC50 = 12 nM (95% CI: 8–17) /μM?",
            "Arp2/3 complex: (actin) [branching] {nucleation}",
            "HAM/TSP in HTLV-1 carriers ~ 1-2%",
            "ratio ~2:1 (wt/vol) ^ at pH 7.4",
            "/a< b> (c) [d] {e} /",
            "models: GPT-4/Claude/Gemini (2024) ~ \"frontier\" AND open-weights?",
            "dose-response: 10/20/40 mg/kg (i.p.) ^ twice daily!");

    static final List<String> MODES = List.of("", "&mode=keyword", "&mode=semantic", "&mode=hybrid");

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startWithEmbeddings(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyHostileQueryIsAnsweredWithoutAServerError() {
        List<String> failures = new ArrayList<>();
        for (String query : all()) {
            for (String mode : MODES) {
                String q = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + mode;
                check("/search?" + q, failures);
                check("/api/papers/search?" + q, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void hostileTextIsAcceptedAsAPassageToMatch() {
        List<String> failures = new ArrayList<>();
        for (String text : all()) {
            check("/search?like=" + URLEncoder.encode(text, StandardCharsets.UTF_8), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void slashesAreOrdinaryCharactersNotRegularExpressions() {
        // "A/B" with slashes read as a regular expression delimiter would find nothing or fail.
        HttpResponse<String> page = server.get("/search?q=" + URLEncoder.encode("ranking with online / offline metrics (CTR/CVR) in A/B tests",
                StandardCharsets.UTF_8) + "&mode=keyword");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("could not be read as search syntax");
    }

    @Test
    void extremeDatesAreSearchedOrRefusedButNeverFail() {
        List<String> failures = new ArrayList<>();
        for (String range : List.of("from=%2B999999999-12-31", "to=-999999999-01-01", "from=-999999999-01-01",
                "to=%2B999999999-12-31", "from=-999999999-01-01&to=%2B999999999-12-31",
                "from=%2B999999999-12-31&to=-999999999-01-01", "from=0000-01-01&to=9999-12-31")) {
            for (String mode : MODES) {
                check("/search?q=attention&" + range + mode, failures);
                check("/api/papers/search?q=attention&" + range + mode, failures);
                check("/search?q=cat:cs.CL&" + range + mode, failures);
            }
            check("/search?like=attention+over+long+documents&" + range, failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theWidestDateRangeKeepsEveryMatch() {
        String all = server.get("/api/papers/search?q=attention&mode=keyword").headers().firstValue("X-Total-Count").orElseThrow();
        String widest = server.get("/api/papers/search?q=attention&mode=keyword&from=-999999999-01-01&to=%2B999999999-12-31")
                .headers().firstValue("X-Total-Count").orElseThrow();

        assertThat(widest).isEqualTo(all);
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(SYNTAX);
        all.addAll(SENTENCES);
        return all;
    }

    private static void check(String pathAndQuery, List<String> failures) {
        HttpResponse<String> response = server.get(pathAndQuery, HANG);
        if (response.statusCode() >= 500) {
            failures.add(response.statusCode() + " " + pathAndQuery);
        } else if (pathAndQuery.startsWith("/api/") && !response.body().startsWith("[") && !response.body().startsWith("{")) {
            failures.add("not JSON: " + pathAndQuery);
        }
    }
}
