package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of what the content security policy would block (pages: WebPagesTest.ContentSecurityPolicy). */
class ScriptPolicyTest {
    @Test
    void theCheckFindsWhatThePolicyWouldBlock() {
        assertThat(ScriptPolicy.violations("<p>ok</p><script src=\"/static/paperboy.js\" defer></script>")).isEmpty();
        assertThat(ScriptPolicy.violations("<script>alert(1)</script>")).hasSize(1);
        assertThat(ScriptPolicy.violations("<script src=\"/static/a.js\">alert(1)</script>")).hasSize(1);
        assertThat(ScriptPolicy.violations("<button type=\"button\" onclick=\"go()\">")).hasSize(1);
        assertThat(ScriptPolicy.violations("<a href=\"javascript:go()\">")).hasSize(1);
        assertThat(ScriptPolicy.violations("<p>&lt;img onerror=alert(1)&gt; says onclick= in words</p>")).isEmpty();
        assertThat(ScriptPolicy.scriptSources("default-src 'self'; script-src 'self' 'unsafe-inline'"))
                .containsExactly("'self'", "'unsafe-inline'");
    }
}
