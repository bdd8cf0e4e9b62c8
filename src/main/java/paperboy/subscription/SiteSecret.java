package paperboy.subscription;

import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * A signing key made once per store (256 random bits) and kept in {@code digest_secrets}, so that
 * every node serving one PostgreSQL store signs and checks alike, and a restart keeps old links
 * working. The first node to insert it wins; the others read that one.
 */
final class SiteSecret {
    private SiteSecret() {}

    static byte[] load(Jdbi jdbi, String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO digest_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("value", Base64.getEncoder().encodeToString(fresh)).execute();
            String stored = h.createQuery("SELECT value FROM digest_secrets WHERE name = :name").bind("name", name)
                    .mapTo(String.class).one();
            return Base64.getDecoder().decode(stored);
        });
    }
}
