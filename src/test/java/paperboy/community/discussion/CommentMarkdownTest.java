package paperboy.community.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members' Markdown becomes HTML that can neither run script nor load anything from elsewhere. */
class CommentMarkdownTest {
    private final CommentMarkdown markdown = new CommentMarkdown();

    @Test
    void markdownBecomesTheUsualHtml() {
        assertThat(markdown.html("A *b* **c** `d`\n\n- one\n- two\n\n> quoted"))
                .isEqualTo("<p>A <em>b</em> <strong>c</strong> <code>d</code></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
                        + "<blockquote>\n<p>quoted</p>\n</blockquote>");
    }

    @Test
    void linksAreNofollowUgcNoopener() {
        assertThat(markdown.html("[paper](https://arxiv.org/abs/2608.19880)"))
                .isEqualTo("<p><a href=\"https://arxiv.org/abs/2608.19880\" rel=\"nofollow ugc noopener\">paper</a></p>");
    }

    @Test
    void anImageBecomesALinkSoNothingRemoteIsLoaded() {
        assertThat(markdown.html("![a chart](https://evil.example/track.png)"))
                .isEqualTo("<p><a href=\"https://evil.example/track.png\" rel=\"nofollow ugc noopener\">a chart</a></p>");
    }

    /** Payloads from the OWASP XSS filter evasion cheat sheet and friends, in Markdown and raw HTML. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](  javascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](&#106;avascript:alert(1))",
            "[x](java\tscript:alert(1))",
            "![x](javascript:alert(1))",
            "![x\"onerror=\"alert(1)](https://evil.example/x.png)",
            "<div style=\"background:url(https://evil.example/x)\">x</div>",
            "<p onclick=\"alert(1)\">click</p>",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<<script>script>alert(1)<</script>/script>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<form action=\"https://evil.example\"><button>go</button></form>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
            "`<script>alert(1)</script>`",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    })
    void nothingAMemberWritesCanRunScriptOrLoadRemoteContent(String payload) {
        // What a browser would build from the HTML: only harmless elements and attributes, and
        // links only to http, https or mailto. The payload may survive as text, which is harmless.
        Document page = Jsoup.parseBodyFragment(markdown.html(payload));

        for (Element e : page.body().getAllElements()) {
            assertThat(SAFE_TAGS).as("element in %s", payload).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute in %s", payload).isIn("href", "rel", "start");
            }
            if (e.hasAttr("href")) {
                assertThat(e.attr("href")).as("link in %s", payload).matches("(?i)(https?://|mailto:).*");
                assertThat(e.attr("rel")).isEqualTo("nofollow ugc noopener");
            }
        }
    }

    private static final java.util.Set<String> SAFE_TAGS = java.util.Set.of("body", "p", "br", "em", "strong", "code",
            "pre", "blockquote", "ul", "ol", "li", "hr", "del", "a");
}
