package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a mail may carry: one-line headers only (no header injection), a well-formed Message-ID, real addresses. */
class MailTest {
    private static Mail withHeaders(Map<String, String> headers) {
        Mail m = TestMails.mail("a@papers.example.org");
        return new Mail(m.messageId(), m.from(), m.to(), m.subject(), m.text(), m.html(), headers, m.date());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a@b>", "a b@c", "no-domain", "a@b\r\nBcc: x@y", "", "a@"})
    void aMessageIdIsLocalAtDomainWithoutBrackets(String id) {
        assertThatThrownBy(() -> TestMails.mail(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderValueOrSubjectWithALineBreakIsRefused() {
        assertThatThrownBy(() -> withHeaders(Map.of("List-Unsubscribe", "<https://x>\r\nBcc: everyone@example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        Mail m = TestMails.mail("a@papers.example.org");
        assertThatThrownBy(() -> new Mail(m.messageId(), m.from(), m.to(), "Hi\nBcc: x@y", "", "", Map.of(), m.date()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bcc", "message-id", "From", "Content-Type", "Bad Name", "Colon:"})
    void anExtraHeaderCannotReplaceTheMailsOwnOrBeMalformed(String name) {
        assertThatThrownBy(() -> withHeaders(Map.of(name, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraHeadersKeepTheirOrder() {
        assertThat(TestMails.mail("a@papers.example.org").headers().keySet()).containsExactly("List-Unsubscribe", "List-Unsubscribe-Post");
    }

    @Test
    void addressesParseWithOrWithoutADisplayName() {
        assertThat(Address.parse("Paperboy Digest <papers@example.org>")).isEqualTo(new Address("papers@example.org", "Paperboy Digest"));
        assertThat(Address.parse("papers@example.org")).isEqualTo(Address.of("papers@example.org"));
        assertThat(Address.parse("papers@example.org").domain()).isEqualTo("example.org");
        assertThat(new Address("papers@example.org", "Ünïcode, Inc.").toString()).isEqualTo("\"Ünïcode, Inc.\" <papers@example.org>");
        assertThatThrownBy(() -> Address.of("Paperboy <papers@example.org>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Address.parse("not an address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Address.of("a@b\r\nBcc: c@d")).isInstanceOf(IllegalArgumentException.class);
    }
}
