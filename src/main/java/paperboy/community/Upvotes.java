package paperboy.community;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * Members' upvotes (table {@code upvotes}): one per member and paper, held by the primary key. A
 * vote and the paper's members' count change in one transaction that first queues on the store's
 * change counter, so parallel requests of one member cannot count twice, and the paper takes a
 * change number (cached pages and the index see the new total).
 */
public final class Upvotes {
    private final Jdbi jdbi;
    private final PaperStore papers;
    private final Bans bans;
    private final Clock clock;

    public Upvotes(Jdbi jdbi, PaperStore papers, Bans bans, Clock clock) {
        this.jdbi = jdbi;
        this.papers = papers;
        this.bans = bans;
        this.clock = clock;
    }

    /** Makes the member's upvote of the paper {@code up} (given) or not; doing it twice changes nothing. */
    public Vote set(long memberId, ArxivId paper, boolean up) {
        return jdbi.inTransaction(h -> set(h, memberId, paper, up));
    }

    /** Upvotes if the member had not, takes the upvote back if they had (the button). */
    public Vote toggle(long memberId, ArxivId paper) {
        return jdbi.inTransaction(h -> {
            PaperStore.queueForWrite(h);
            return set(h, memberId, paper, !has(h, memberId, paper));
        });
    }

    /** {@link #set} inside the caller's transaction (a submission of a paper already listed). */
    public Vote set(Handle h, long memberId, ArxivId paper, boolean up) {
        PaperStore.queueForWrite(h);
        bans.requireAllowed(h, memberId);
        if (!papers.isKnown(h, paper)) {
            throw new UnknownPaper(paper);
        }
        int changed = up
                ? h.createUpdate("INSERT INTO upvotes (member_id, paper_id, upvoted_at) VALUES (:m, :p, :at) "
                        + "ON CONFLICT (member_id, paper_id) DO NOTHING")
                        .bind("m", memberId).bind("p", paper.value()).bind("at", clock.millis()).execute()
                : h.createUpdate("DELETE FROM upvotes WHERE member_id = :m AND paper_id = :p")
                        .bind("m", memberId).bind("p", paper.value()).execute();
        if (changed == 1) {
            papers.addMemberCounts(h, paper, up ? 1 : -1, 0);
        }
        int total = papers.find(h, paper).orElseThrow(() -> new UnknownPaper(paper)).community().totalUpvotes();
        return new Vote(up, total);
    }

    private static boolean has(Handle h, long memberId, ArxivId paper) {
        return h.createQuery("SELECT COUNT(*) FROM upvotes WHERE member_id = :m AND paper_id = :p")
                .bind("m", memberId).bind("p", paper.value()).mapTo(Integer.class).one() > 0;
    }

    /** Which of these papers the member has upvoted (the filled buttons of a page). */
    public Set<ArxivId> upvotedBy(long memberId, Collection<ArxivId> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT paper_id FROM upvotes WHERE member_id = :m AND paper_id IN (<ids>)")
                .bind("m", memberId)
                .bindList("ids", among.stream().map(ArxivId::value).distinct().toList())
                .mapTo(String.class)
                .map(ArxivId::new)
                .collect(Collectors.toSet()));
    }

    /** How many members upvoted the paper (what the members' count must equal). */
    public int countFor(ArxivId paper) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upvotes WHERE paper_id = :p")
                .bind("p", paper.value()).mapTo(Integer.class).one());
    }
}
