package paperboy.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads {@link MailSettings} from the {@code PAPERBOY_SMTP_URL}, {@code PAPERBOY_MAIL_FROM} and {@code PAPERBOY_DKIM_*} values. */
final class MailSettingsLoader {
    static final String SMTP_URL = "PAPERBOY_SMTP_URL";
    static final String MAIL_FROM = "PAPERBOY_MAIL_FROM";
    static final String DKIM_KEY = "PAPERBOY_DKIM_KEY";
    static final String DKIM_SELECTOR = "PAPERBOY_DKIM_SELECTOR";
    static final String DKIM_DOMAIN = "PAPERBOY_DKIM_DOMAIN";
    private static final String SMTP_FORMS = "smtp://[user[:password]@]host[:port] (STARTTLS, port 587) or "
            + "smtps://[user[:password]@]host[:port] (TLS, port 465), the user and password percent-encoded";

    private final Map<String, String> values;

    MailSettingsLoader(Map<String, String> values) {
        this.values = values;
    }

    MailSettings load() {
        Optional<SmtpServer> smtp = smtp();
        String from = value(MAIL_FROM);
        if (from == null && smtp.isPresent()) {
            throw new ConfigException(MAIL_FROM + " is not set: mail sent through " + SMTP_URL
                    + " needs a sender, e.g. PAPERBOY_MAIL_FROM=\"Paperboy <papers@example.org>\"");
        }
        return new MailSettings(smtp, from == null ? null : checkedAddress(from), dkim());
    }

    private String value(String key) {
        String raw = values.get(key);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private Optional<SmtpServer> smtp() {
        String raw = value(SMTP_URL);
        if (raw == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(SMTP_URL, redacted(raw), SMTP_FORMS);
        }
        boolean implicitTls = "smtps".equalsIgnoreCase(uri.getScheme());
        if (!implicitTls && !"smtp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPort() > 65535 || uri.getPort() == 0) {
            throw new ConfigException(SMTP_URL, redacted(raw), SMTP_FORMS);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : implicitTls ? 465 : 587;
        SmtpServer.Security security = implicitTls ? SmtpServer.Security.IMPLICIT_TLS
                : isLoopback(host) ? SmtpServer.Security.STARTTLS_IF_OFFERED : SmtpServer.Security.STARTTLS_REQUIRED;
        String[] login = login(uri.getRawUserInfo(), raw);
        return Optional.of(new SmtpServer(security, host, port, login[0], login[1]));
    }

    /** user and password, percent-decoded ({@code +} stays a plus, as in any URL but a form). */
    private String[] login(String rawUserInfo, String raw) {
        if (rawUserInfo == null) {
            return new String[] {"", ""};
        }
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        try {
            return new String[] {decoded(user), decoded(password)};
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SMTP_URL, redacted(raw), SMTP_FORMS);
        }
    }

    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL as it may be shown in a message: without its password. */
    private static String redacted(String raw) {
        return raw.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^:@/]*):[^@/]*@", "$1:(hidden)@");
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: not resolved at start
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String checkedAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", from);
            }
            return address.toUnicodeString();
        } catch (AddressException e) {
            throw new ConfigException(MAIL_FROM, from, "an address, optionally with a display name: "
                    + "papers@example.org or \"Paperboy <papers@example.org>\"");
        }
    }

    private Optional<DkimSettings> dkim() {
        String key = value(DKIM_KEY);
        String selector = value(DKIM_SELECTOR);
        String domain = value(DKIM_DOMAIN);
        long set = Stream.of(key, selector, domain).filter(v -> v != null).count();
        if (set == 0) {
            return Optional.empty();
        }
        if (set < 3) {
            throw new ConfigException("DKIM signing needs all three of " + DKIM_KEY + ", " + DKIM_SELECTOR + " and "
                    + DKIM_DOMAIN + " (or none); missing: " + String.join(", ",
                    Stream.of(key == null ? DKIM_KEY : null, selector == null ? DKIM_SELECTOR : null,
                            domain == null ? DKIM_DOMAIN : null).filter(v -> v != null).toList()));
        }
        if (!selector.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            throw new ConfigException(DKIM_SELECTOR, selector, "a DNS label such as paperboy or mail2026");
        }
        if (!domain.matches("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}")) {
            throw new ConfigException(DKIM_DOMAIN, domain, "a domain name such as example.org");
        }
        Path file = Path.of(key);
        try {
            return Optional.of(new DkimSettings(file, DkimKeys.read(file), selector, domain));
        } catch (IOException e) {
            throw new ConfigException(DKIM_KEY, key, "a readable key file (" + e.getMessage() + ")");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException(DKIM_KEY, key, "an RSA private key in PKCS#8, PEM (BEGIN PRIVATE KEY) or DER"
                    + " (make one: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem;"
                    + " convert a BEGIN RSA PRIVATE KEY file: openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem)");
        }
    }
}
