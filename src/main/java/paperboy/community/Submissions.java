package paperboy.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import paperboy.paper.ArxivId;

/** Who submitted which paper to which day's list (table {@code submissions}; one row per paper, ever). */
public final class Submissions {
    private static final RowMapper<Submission> ROW = (rs, ctx) -> new Submission(new ArxivId(rs.getString("paper_id")),
            rs.getLong("member_id"), LocalDate.parse(rs.getString("day")), Instant.ofEpochMilli(rs.getLong("submitted_at")));

    private final Jdbi jdbi;

    public Submissions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Submission> of(ArxivId paper) {
        return jdbi.withHandle(h -> of(h, paper));
    }

    public Optional<Submission> of(Handle h, ArxivId paper) {
        return h.createQuery("SELECT * FROM submissions WHERE paper_id = :p").bind("p", paper.value()).map(ROW).findOne();
    }

    /** The submissions of these papers (those that have one), by paper. */
    public Map<ArxivId, Submission> of(Collection<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submissions WHERE paper_id IN (<ids>)")
                .bindList("ids", papers.stream().map(ArxivId::value).distinct().toList())
                .map(ROW)
                .collect(Collectors.toMap(Submission::paper, s -> s)));
    }

    /** How many papers the member submitted to the list of {@code day}. */
    int countOn(Handle h, long memberId, LocalDate day) {
        return h.createQuery("SELECT COUNT(*) FROM submissions WHERE member_id = :m AND day = :day")
                .bind("m", memberId).bind("day", day.toString()).mapTo(Integer.class).one();
    }

    /** What the member submitted, newest first. */
    public List<Submission> by(long memberId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submissions WHERE member_id = :m "
                        + "ORDER BY submitted_at DESC, paper_id")
                .bind("m", memberId)
                .map(ROW)
                .list());
    }

    void add(Handle h, Submission s) {
        h.createUpdate("INSERT INTO submissions (paper_id, member_id, day, submitted_at) VALUES (:p, :m, :day, :at)")
                .bind("p", s.paper().value())
                .bind("m", s.memberId())
                .bind("day", s.day().toString())
                .bind("at", s.at().toEpochMilli())
                .execute();
    }

    /** Removes the paper's submission (a moderator's decision); false when it had none. */
    public boolean remove(Handle h, ArxivId paper) {
        return h.createUpdate("DELETE FROM submissions WHERE paper_id = :p").bind("p", paper.value()).execute() == 1;
    }
}
