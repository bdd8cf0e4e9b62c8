package paperboy.community;

import java.util.List;
import org.jdbi.v3.core.Handle;
import paperboy.paper.ArxivId;

/**
 * The papers whose pages and list cards show a member's name: those they submitted and those they
 * commented on (in any state: a hidden or deleted comment still shows its author to moderators).
 */
public final class NamedPapers {
    private NamedPapers() {}

    /** The papers naming {@code memberId}, inside the caller's transaction; each once. */
    public static List<ArxivId> of(Handle h, long memberId) {
        return h.createQuery("SELECT paper_id FROM submissions WHERE member_id = :m "
                        + "UNION SELECT paper_id FROM comments WHERE member_id = :m")
                .bind("m", memberId)
                .mapTo(String.class)
                .map(ArxivId::new)
                .list();
    }
}
