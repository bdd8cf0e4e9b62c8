package paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import paperboy.paper.ArxivId;
import paperboy.subscription.Frequency;
import paperboy.subscription.SubscriberStore;

/**
 * The editions table, and the one transaction that makes an edition and its outbox rows: one row
 * per subscriber who gets that kind of edition, each with its unique key and the Message-ID made
 * from it. An edition that exists already is left as it is, so running a day again adds no mail.
 */
public final class EditionStore {
    private static final String COLUMNS = "id, day, kind, period_from, period_to, featured, state";

    private final Jdbi jdbi;

    public EditionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Edition> find(LocalDate day, Frequency kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM editions WHERE day = :day AND kind = :kind")
                .bind("day", day.toString()).bind("kind", kind.label()).map((rs, ctx) -> row(rs)).findOne());
    }

    public Optional<Edition> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM editions WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** What {@link #create} did: the edition, and whether this call made it (and so its outbox rows). */
    public record Created(Edition edition, boolean made, int queued) {}

    /**
     * Makes the edition of ({@code day}, {@code kind}) with its outbox rows, in one transaction;
     * an empty one gets no rows. Returns the stored edition when it already existed.
     *
     * @param messageDomain the domain of the Message-IDs ({@code digest.DAY.KIND.ID@domain})
     */
    public Created create(LocalDate day, Frequency kind, Calendar.Span span, List<ArxivId> featured, boolean empty,
            String messageDomain, Instant now) {
        return jdbi.inTransaction(h -> {
            int made = h.createUpdate("INSERT INTO editions (day, kind, period_from, period_to, featured, state, created_at) "
                            + "VALUES (:day, :kind, :from, :to, :featured, :state, :now) ON CONFLICT (day, kind) DO NOTHING")
                    .bind("day", day.toString()).bind("kind", kind.label())
                    .bind("from", span.from().toString()).bind("to", span.to().toString())
                    .bind("featured", featured.stream().map(ArxivId::value).collect(Collectors.joining(" ")))
                    .bind("state", (empty ? Edition.State.EMPTY : Edition.State.QUEUED).label())
                    .bind("now", now.toEpochMilli())
                    .execute();
            Edition edition = h.createQuery("SELECT " + COLUMNS + " FROM editions WHERE day = :day AND kind = :kind")
                    .bind("day", day.toString()).bind("kind", kind.label()).map((rs, ctx) -> row(rs)).one();
            int queued = made == 1 && !empty ? queue(h, edition, messageDomain, now) : 0;
            return new Created(edition, made == 1, queued);
        });
    }

    /** One outbox row per subscriber mailed with this kind of edition. */
    private static int queue(Handle h, Edition edition, String messageDomain, Instant now) {
        String prefix = edition.prefix();
        String idPrefix = "digest." + edition.day() + "." + edition.kind().label() + ".";
        return h.createUpdate("INSERT INTO outbox (edition_id, subscriber_id, outbox_key, message_id, state, attempts, next_attempt_at) "
                        + "SELECT :edition, s.id, CAST(:prefix AS TEXT) || CAST(s.id AS TEXT), "
                        + "CAST(:idPrefix AS TEXT) || CAST(s.id AS TEXT) || CAST(:domain AS TEXT), 'pending', 0, :now "
                        + "FROM subscribers s WHERE " + SubscriberStore.MAILED + " AND s.frequency = :kind "
                        + "ON CONFLICT DO NOTHING")
                .bind("edition", edition.id()).bind("prefix", prefix).bind("idPrefix", idPrefix)
                .bind("domain", "@" + messageDomain).bind("kind", edition.kind().label()).bind("now", now.toEpochMilli())
                .execute();
    }

    private static Edition row(ResultSet rs) throws SQLException {
        String featured = rs.getString("featured");
        List<ArxivId> ids = featured.isBlank() ? List.of()
                : Arrays.stream(featured.split(" ")).map(ArxivId::new).toList();
        return new Edition(rs.getLong("id"), LocalDate.parse(rs.getString("day")), Frequency.parse(rs.getString("kind")),
                new Calendar.Span(LocalDate.parse(rs.getString("period_from")), LocalDate.parse(rs.getString("period_to"))),
                ids, Edition.State.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)));
    }
}
