package paperboy.community;

import java.util.Set;
import org.jdbi.v3.core.Handle;
import java.util.concurrent.ConcurrentHashMap;

/** Bans kept in memory, for the stores' tests (the site keeps them in accounts). */
final class TestBans implements Bans {
    private final Set<Long> banned = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isBanned(long memberId) {
        return banned.contains(memberId);
    }

    @Override
    public boolean isBanned(Handle h, long memberId) {
        return isBanned(memberId);
    }

    @Override
    public boolean ban(long memberId) {
        return banned.add(memberId);
    }

    @Override
    public boolean unban(long memberId) {
        return banned.remove(memberId);
    }
}
