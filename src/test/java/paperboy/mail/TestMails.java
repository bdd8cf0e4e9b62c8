package paperboy.mail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import paperboy.config.DkimSettings;
import paperboy.config.SmtpServer;

/** Mails and transports for the mail tests. */
final class TestMails {
    static final Address FROM = new Address("papers@paperboy.test", "Paperboy Digest");
    static final Instant DATE = Instant.parse("2026-12-01T07:30:00Z");

    private TestMails() {
    }

    /** A digest-like mail to {@code to}, with a Unicode subject, an HTML title to escape and the one-click headers. */
    static Mail mail(String messageId, String to) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://papers.example.org/unsubscribe/t0k3n>, <mailto:unsubscribe@paperboy.test?subject=t0k3n>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new Mail(messageId, FROM, Address.of(to), "Trending papers — Dec 1: Über-Attention für alle ✓",
                "1. Attention Is All You Need (again)\n   https://papers.example.org/papers/2612.00001\n\n.\n.leading dot line\n",
                "<html><body><h1>Trending</h1><p>1. <a href=\"https://papers.example.org/papers/2612.00001\">"
                        + "Attention &lt;Is&gt; All You Need</a> — 42 upvotes</p></body></html>",
                headers, DATE);
    }

    static Mail mail(String messageId) {
        return mail(messageId, "reader@example.org");
    }

    /** SMTP on the loopback address, STARTTLS if offered. */
    static SmtpServer loopback(int port) {
        return new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1", port, "", "");
    }

    static SmtpTransport smtp(SmtpServer server, SmtpTimeouts timeouts, TestTls tls) {
        return new SmtpTransport(server, FROM, new MimeComposer(Optional.empty()), timeouts,
                tls == null ? null : tls.client.getSocketFactory());
    }

    static SmtpTransport smtp(SmtpServer server) {
        return smtp(server, SmtpTimeouts.DEFAULTS, null);
    }

    static EmlFiles files(Path folder, Optional<DkimSettings> dkim) {
        return new EmlFiles(folder, FROM, new MimeComposer(dkim));
    }
}
