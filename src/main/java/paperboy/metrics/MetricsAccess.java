package paperboy.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may read {@code /metrics}. With a token ({@code PAPERBOY_METRICS_TOKEN}): whoever sends
 * {@code Authorization: Bearer TOKEN}, from anywhere; anyone else is told 401. Without one: only a
 * client on the loopback address whose request no proxy forwarded (a {@code Forwarded},
 * {@code X-Forwarded-For} or {@code X-Real-IP} header), so that a proxy on the same machine does
 * not publish it; anyone else is told 404, as for a page that does not exist.
 */
final class MetricsAccess {
    enum Verdict { READ, UNAUTHORIZED, NOT_FOUND }

    private static final String BEARER = "Bearer ";

    /** SHA-256 of the token, or null without one: digests of equal length compare in constant time. */
    private final byte[] tokenDigest;

    /** @param token the bearer token, or null for the loopback rule */
    MetricsAccess(String token) {
        this.tokenDigest = token == null ? null : digest(token);
    }

    boolean hasToken() {
        return tokenDigest != null;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param remoteAddress the client's IP address as the server saw it (IPv6 may be in brackets)
     * @param forwarded     whether the request carries a header a proxy adds
     */
    Verdict judge(String authorization, String remoteAddress, boolean forwarded) {
        if (tokenDigest != null) {
            return presents(authorization) ? Verdict.READ : Verdict.UNAUTHORIZED;
        }
        return !forwarded && isLoopback(remoteAddress) ? Verdict.READ : Verdict.NOT_FOUND;
    }

    private boolean presents(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, digest(authorization.substring(BEARER.length()).strip()));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.matches("[0-9a-fA-F.:%]+")) {
            return false; // a name, not an address: never looked up
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
