package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the content security policy asks of every page: the header allows scripts from this origin
 * only (no {@code 'unsafe-inline'}), and no page relies on what it refuses: an inline
 * {@code <script>} (one without {@code src}), an {@code on*=} event attribute or a
 * {@code javascript:} address, any of which a browser would then block.
 */
final class ScriptPolicy {
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("<[a-z][^>]*?\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("(href|src|action)\\s*=\\s*[\"']?\\s*javascript:", Pattern.CASE_INSENSITIVE);

    private ScriptPolicy() {}

    /** Checks the response's header and, when it is HTML, its body. */
    static void check(String path, HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(scriptSources(policy)).as("script-src of %s in %s", path, policy)
                .contains("'self'").doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:");
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            assertThat(violations(response.body())).as("what the policy would block on %s", path).isEmpty();
        }
    }

    /** The sources of the policy's script-src, or of its default-src when it has none. */
    static List<String> scriptSources(String policy) {
        String fallback = "";
        for (String directive : policy.split(";")) {
            List<String> words = Arrays.asList(directive.strip().split("\\s+"));
            if (words.getFirst().equals("script-src")) {
                return words.subList(1, words.size());
            }
            if (words.getFirst().equals("default-src")) {
                fallback = directive;
            }
        }
        List<String> words = Arrays.asList(fallback.strip().split("\\s+"));
        return words.size() > 1 ? words.subList(1, words.size()) : List.of();
    }

    /** Inline scripts, event attributes and {@code javascript:} addresses in {@code html}. */
    static List<String> violations(String html) {
        List<String> found = new ArrayList<>();
        Matcher scripts = SCRIPT_TAG.matcher(html);
        while (scripts.find()) {
            if (!scripts.group().matches("(?is)<script\\b[^>]*\\ssrc=\"/static/[^\"]+\"[^>]*>") || !html.startsWith("</script>", scripts.end())) {
                found.add(scripts.group());
            }
        }
        for (Pattern p : List.of(EVENT_ATTRIBUTE, SCRIPT_URL)) {
            Matcher m = p.matcher(html);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }
}
