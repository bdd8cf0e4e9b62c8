package paperboy.config;

/**
 * The SMTP server mail goes through, read from {@code PAPERBOY_SMTP_URL}.
 *
 * @param security how the connection is protected
 * @param host     the server's host name or address
 * @param port     its port (587 for {@code smtp://}, 465 for {@code smtps://} when the URL names none)
 * @param user     the login, percent-decoded; empty for none
 * @param password the password, percent-decoded; empty for none. A secret: it never shows in {@link #toString()}
 */
public record SmtpServer(Security security, String host, int port, String user, String password) {

    /** How the connection to the server is protected. */
    public enum Security {
        /** {@code smtps://}: TLS from the first byte (port 465). */
        IMPLICIT_TLS,
        /** {@code smtp://} to any host but the loopback one: the server must offer STARTTLS, else nothing is sent. */
        STARTTLS_REQUIRED,
        /** {@code smtp://} to the loopback address (a local relay): STARTTLS when offered, plain otherwise. */
        STARTTLS_IF_OFFERED
    }

    public SmtpServer {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Whether a login is given, so the transport authenticates. */
    public boolean authenticates() {
        return !user.isEmpty();
    }

    /** The server as it may be logged: scheme, user, host and port, never the password. */
    @Override
    public String toString() {
        String scheme = security == Security.IMPLICIT_TLS ? "smtps" : "smtp";
        return scheme + "://" + (authenticates() ? user + ":(set)@" : "") + host + ":" + port;
    }
}
