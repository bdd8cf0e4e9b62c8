package paperboy.paper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The papers table and the days papers were featured, in SQLite or PostgreSQL (the SQL here is
 * portable). Every write bumps the store's change counter and stamps the rows it touched, so the
 * search index can follow the store by change number and never miss a write.
 */
public final class PaperStore {
    /** A paper's row with its change position and first featured day; a WHERE clause follows. */
    private static final String CHANGES = "SELECT " + PaperRows.SELECTED + ", change_no, "
            + "(SELECT MIN(day) FROM featured f WHERE f.paper_id = p.id) AS first_featured FROM papers p ";

    private static final String UPSERT = "INSERT INTO papers (" + PaperRows.COLUMNS + ", change_no) VALUES ("
            + "?, ".repeat(PaperRows.COLUMN_COUNT) + "?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
            + "title = excluded.title, summary = excluded.summary, authors = excluded.authors, "
            + "categories = excluded.categories, published_at = excluded.published_at, updated_at = excluded.updated_at, "
            + "doi = excluded.doi, journal_ref = excluded.journal_ref, comments = excluded.comments, "
            + "license = excluded.license, github_repo = excluded.github_repo, github_stars = excluded.github_stars, "
            + "project_page = excluded.project_page, ai_summary = excluded.ai_summary, ai_keywords = excluded.ai_keywords, "
            + "upvotes = excluded.upvotes, num_comments = excluded.num_comments, withdrawn_at = excluded.withdrawn_at, "
            + "thumbnail = excluded.thumbnail, media_urls = excluded.media_urls, organization = excluded.organization, "
            + "ai_summary_model = excluded.ai_summary_model, "
            + "change_no = excluded.change_no";
    private static final String FEATURE = "INSERT INTO featured (paper_id, day, featured_at, source) "
            + "VALUES (:paper_id, :day, :featured_at, :source) ON CONFLICT (paper_id, day) DO NOTHING";

    /** Ids one statement of {@link #changed} binds at most. */
    static final int CHANGED_PER_STATEMENT = 1000;
    /** How often {@link #knownChangeNo} reads the counter again for other writers' changes. */
    public static final Duration CHANGE_POLL = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final PaperRows rows = new PaperRows();
    private final KnownChange known;
    private final RecentPapers recent = new RecentPapers(RecentPapers.SIZE);

    public PaperStore(Jdbi jdbi) {
        this(jdbi, CHANGE_POLL, Clock.systemUTC());
    }

    /** @param changePoll how long {@link #knownChangeNo} may go without reading the counter again */
    public PaperStore(Jdbi jdbi, Duration changePoll, Clock clock) {
        this.jdbi = jdbi;
        this.known = new KnownChange(this::lastChangeNo, changePoll, clock);
    }

    /**
     * Writes a batch in one transaction: new papers are inserted, known ones merged
     * ({@link PaperMerge}), featured days added. Re-delivering the same records changes nothing.
     */
    public UpsertResult upsert(List<PaperUpdate> batch, String source) {
        if (batch.isEmpty()) {
            return UpsertResult.NONE;
        }
        return jdbi.inTransaction(h -> upsert(h, batch, source));
    }

    /** The same as {@link #upsert(List, String)} inside a transaction the caller holds (for checkpoints). */
    public UpsertResult upsert(Handle h, List<PaperUpdate> batch, String source) {
        return write(h, batch, source).counts();
    }

    /**
     * What a write did: its counts, and the papers it changed as they now stand, in change order,
     * for a follower of the store to take once the transaction commits instead of reading them back.
     */
    public record Written(UpsertResult counts, List<Change> changes) {
        public static final Written NONE = new Written(UpsertResult.NONE, List.of());
    }

    /** {@link #upsert(Handle, List, String)}, also returning the changes it made. */
    public Written write(Handle h, List<PaperUpdate> batch, String source) {
        if (batch.isEmpty()) {
            return Written.NONE;
        }
        queueForWrite(h);
        Map<ArxivId, PaperUpdate> incoming = dedupe(batch);
        Map<ArxivId, Paper> stored = load(h, incoming.keySet());
        boolean featuring = batch.stream().anyMatch(u -> u.featuredOn() != null);
        Set<String> knownDays = featuring ? featuredKeys(h, incoming.keySet()) : new HashSet<>();
        var days = h.prepareBatch(FEATURE);
        Set<ArxivId> newlyFeatured = new HashSet<>();
        for (PaperUpdate update : batch) {
            if (update.featuredOn() != null && knownDays.add(featuredKey(update))) {
                newlyFeatured.add(update.paper().id());
                days.bind("paper_id", update.paper().id().value())
                        .bind("day", update.featuredOn().toString())
                        .bind("featured_at", update.featuredAt().toEpochMilli())
                        .bind("source", source)
                        .add();
            }
        }
        int inserted = 0;
        int updated = 0;
        List<Paper> written = new ArrayList<>();
        for (PaperUpdate update : incoming.values()) {
            Paper old = stored.get(update.paper().id());
            Paper merged = old == null ? update.paper() : PaperMerge.merge(old, update.paper());
            boolean changed = old == null || !merged.equals(old);
            if (old == null) {
                inserted++;
            } else if (changed) {
                updated++;
            }
            if (changed || newlyFeatured.contains(merged.id())) {
                // A newly featured paper is rewritten too, so its change number tells the index.
                written.add(merged);
            }
        }
        UpsertResult counts = new UpsertResult(inserted, updated, incoming.size() - inserted - updated);
        if (written.isEmpty()) {
            return new Written(counts, List.of()); // and no new featured day: it would have rewritten its paper
        }
        // Only a batch that writes takes a change number: a re-delivery that changes nothing
        // leaves the counter where the index already is.
        long changeNo = nextChangeNo(h);
        writeRows(h, written, changeNo);
        execute(days); // after the papers: featured rows reference them
        return new Written(counts, changes(h, written, stored.keySet(), batch, changeNo));
    }

    /**
     * The written papers as changes, ordered by id like {@link #changesSince}. A new paper was
     * featured only on the days of this batch; a known one may have been featured before, which
     * only the featured table knows (one query, and none for a batch of new papers).
     */
    private static List<Change> changes(Handle h, List<Paper> written, Set<ArxivId> known, List<PaperUpdate> batch,
            long changeNo) {
        Map<ArxivId, LocalDate> firstFeatured = new HashMap<>();
        for (PaperUpdate u : batch) {
            if (u.featuredOn() != null) {
                firstFeatured.merge(u.paper().id(), u.featuredOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> rewritten = written.stream().map(Paper::id).filter(known::contains).map(ArxivId::value).toList();
        if (!rewritten.isEmpty()) {
            h.createQuery("SELECT paper_id, MIN(day) AS first_day FROM featured WHERE paper_id IN (<ids>) GROUP BY paper_id")
                    .bindList("ids", rewritten)
                    .map((rs, ctx) -> Map.entry(new ArxivId(rs.getString("paper_id")), LocalDate.parse(rs.getString("first_day"))))
                    .forEach(e -> firstFeatured.put(e.getKey(), e.getValue()));
        }
        return written.stream()
                .sorted(Comparator.comparing(p -> p.id().value()))
                .map(p -> new Change(p, firstFeatured.get(p.id()), new Change.Position(changeNo, p.id().value())))
                .toList();
    }

    private void writeRows(Handle h, List<Paper> written, long changeNo) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(UPSERT)) {
            for (Paper p : written) {
                rows.bind(ps, p);
                ps.setLong(PaperRows.COLUMN_COUNT + 1, changeNo);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + written.size() + " papers to the store failed: "
                    + e.getMessage(), e);
        }
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static Set<String> featuredKeys(Handle h, Collection<ArxivId> ids) {
        return new HashSet<>(h.createQuery("SELECT paper_id || ' ' || day FROM featured WHERE paper_id IN (<ids>)")
                .bindList("ids", ids.stream().map(ArxivId::value).toList())
                .mapTo(String.class)
                .list());
    }

    private static String featuredKey(PaperUpdate update) {
        return update.paper().id().value() + " " + update.featuredOn();
    }

    /** One update per paper, merged; featured days are taken from the whole batch separately. */
    private static Map<ArxivId, PaperUpdate> dedupe(List<PaperUpdate> batch) {
        Map<ArxivId, PaperUpdate> byId = new LinkedHashMap<>();
        for (PaperUpdate u : batch) {
            byId.merge(u.paper().id(), u, (a, b) -> new PaperUpdate(
                    PaperMerge.merge(a.paper(), b.paper()), null, null));
        }
        return byId;
    }

    /**
     * Writers queue on the counter row before reading what they will merge with or change, so two
     * nodes writing the same paper cannot each start from a stale copy (a lost update). Community
     * writes (an upvote, a comment) queue here too, before they read whether the vote exists.
     */
    public static void queueForWrite(Handle h) {
        h.execute("UPDATE store_counters SET value = value WHERE name = 'change_no'");
    }

    private long nextChangeNo(Handle h) {
        // The row lock taken by this UPDATE serialises writers until commit, so change numbers
        // become visible in increasing order and a reader following them never skips one.
        long changeNo = h.createQuery("UPDATE store_counters SET value = value + 1 WHERE name = 'change_no' RETURNING value")
                .mapTo(Long.class)
                .one();
        h.afterCommit(() -> known.advanceTo(changeNo)); // visible to other readers from then on
        return changeNo;
    }

    private Map<ArxivId, Paper> load(Handle h, Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return h.createQuery("SELECT " + PaperRows.SELECTED + " FROM papers WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(ArxivId::value).toList())
                .map(rows)
                .stream()
                .collect(Collectors.toMap(Paper::id, p -> p));
    }

    /** Which of {@code ids} the store already holds, inside the caller's transaction. */
    public Set<ArxivId> known(Handle h, Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return h.createQuery("SELECT id FROM papers WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(ArxivId::value).toList())
                .mapTo(String.class)
                .map(ArxivId::new)
                .collect(Collectors.toSet());
    }

    /**
     * Notes that arXiv reports these papers as deleted (OAI-PMH status="deleted") as of {@code when};
     * the papers stay, since lists and links point at them, and show as withdrawn. Unknown ids and
     * papers already withdrawn are left as they are. Changed rows take a change number, like any
     * write, so cached pages and the index see them.
     */
    public void markWithdrawn(Collection<ArxivId> ids, Instant when) {
        jdbi.useTransaction(h -> markWithdrawn(h, ids, when));
    }

    /** The same as {@link #markWithdrawn(Collection, Instant)} inside a transaction the caller holds. */
    public void markWithdrawn(Handle h, Collection<ArxivId> ids, Instant when) {
        if (ids.isEmpty()) {
            return;
        }
        queueForWrite(h);
        List<String> live = h.createQuery("SELECT id FROM papers WHERE id IN (<ids>) AND withdrawn_at IS NULL")
                .bindList("ids", ids.stream().map(ArxivId::value).toList())
                .mapTo(String.class)
                .list();
        if (live.isEmpty()) {
            return;
        }
        h.createUpdate("UPDATE papers SET withdrawn_at = :when, change_no = :change_no WHERE id IN (<ids>)")
                .bind("when", when.toEpochMilli())
                .bind("change_no", nextChangeNo(h))
                .bindList("ids", live)
                .execute();
    }

    /**
     * Adds to a paper's members' counts ({@link Paper.Community#memberUpvotes()},
     * {@code memberComments}), inside the caller's transaction, which has queued
     * ({@link #queueForWrite}); the paper takes a change number like any write, so cached pages and
     * the index see the new total. False when the store has no such paper.
     */
    public boolean addMemberCounts(Handle h, ArxivId id, int upvotes, int comments) {
        return h.createUpdate("UPDATE papers SET member_upvotes = member_upvotes + :upvotes, "
                        + "member_comments = member_comments + :comments, change_no = :change_no WHERE id = :id")
                .bind("upvotes", upvotes)
                .bind("comments", comments)
                .bind("change_no", nextChangeNo(h))
                .bind("id", id.value())
                .execute() == 1;
    }

    /**
     * Takes a paper off the list of {@code day} where {@code source} put it (a moderator removing a
     * submission), inside the caller's transaction; the paper takes a change number. False when it
     * was not there.
     */
    public boolean unfeature(Handle h, ArxivId id, LocalDate day, String source) {
        queueForWrite(h);
        int removed = h.createUpdate("DELETE FROM featured WHERE paper_id = :id AND day = :day AND source = :source")
                .bind("id", id.value())
                .bind("day", day.toString())
                .bind("source", source)
                .execute();
        if (removed == 0) {
            return false;
        }
        changed(h, List.of(id));
        return true;
    }

    /**
     * Gives these papers a change number, inside the caller's transaction, when something shown
     * with them changed outside the papers table (a member who submitted or discussed them renamed,
     * a comment edited, a submission taken off its list):
     * cached pages and the index see them as changed. Unknown ids are left out. All take one change
     * number, written a thousand ids a statement (a member may have discussed many papers, and both
     * databases limit the values one statement binds).
     */
    public void changed(Handle h, Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long changeNo = nextChangeNo(h);
        List<String> distinct = ids.stream().map(ArxivId::value).distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHANGED_PER_STATEMENT) {
            h.createUpdate("UPDATE papers SET change_no = :change_no WHERE id IN (<ids>)")
                    .bind("change_no", changeNo)
                    .bindList("ids", distinct.subList(from, Math.min(distinct.size(), from + CHANGED_PER_STATEMENT)))
                    .execute();
        }
    }

    /** Whether the store has the paper, inside the caller's transaction. */
    public boolean isKnown(Handle h, ArxivId id) {
        return !known(h, List.of(id)).isEmpty();
    }

    /** Whether the paper is on any daily list, inside the caller's transaction. */
    public boolean isFeatured(Handle h, ArxivId id) {
        return h.createQuery("SELECT COUNT(*) FROM featured WHERE paper_id = :id")
                .bind("id", id.value())
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** The paper inside the caller's transaction. */
    public Optional<Paper> find(Handle h, ArxivId id) {
        return Optional.ofNullable(load(h, List.of(id)).get(id));
    }

    public Optional<Paper> find(ArxivId id) {
        return jdbi.withHandle(h -> Optional.ofNullable(load(h, List.of(id)).get(id)));
    }

    /**
     * The papers with these ids, in the order given; unknown ids are left out. Papers read since
     * the store's last change come from memory ({@link RecentPapers}); so another node's write is
     * seen within {@link #CHANGE_POLL}, as by the page cache.
     */
    public List<Paper> findAll(List<ArxivId> ids) {
        long changeNo = knownChangeNo(); // before the query: a write committing meanwhile makes what is read stale, never the reverse
        Map<ArxivId, Paper> found = recent.readAt(changeNo, ids);
        List<ArxivId> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            Map<ArxivId, Paper> read = jdbi.withHandle(h -> load(h, missing));
            recent.remember(changeNo, read.values());
            found.putAll(read);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public List<LocalDate> featuredDays(ArxivId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT day FROM featured WHERE paper_id = :id ORDER BY day")
                .bind("id", id.value())
                .mapTo(String.class)
                .map(LocalDate::parse)
                .list());
    }

    /**
     * When each of these papers was last put on a daily list (Hugging Face's
     * {@code submittedOnDailyAt}); papers never featured are left out.
     */
    public Map<ArxivId, Instant> lastFeaturedAt(Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT paper_id, MAX(featured_at) AS at FROM featured WHERE paper_id IN (<ids>) GROUP BY paper_id")
                .bindList("ids", ids.stream().map(ArxivId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(new ArxivId(rs.getString("paper_id")), Instant.ofEpochMilli(rs.getLong("at"))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM papers").mapTo(Long.class).one());
    }

    /**
     * A page of every paper's id and arXiv time, in id order (the sitemap): new papers mostly come
     * last, so earlier pages stay as they were. Reads only the columns it needs, {@code limit} rows.
     */
    public List<PaperStamp> stamps(long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, COALESCE(updated_at, published_at) AS changed FROM papers "
                        + "ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, c) -> new PaperStamp(new ArxivId(rs.getString("id")),
                        rs.getObject("changed") == null ? null : Instant.ofEpochMilli(rs.getLong("changed"))))
                .list());
    }

    /**
     * The last change number as this process knows it, without a query: this store's own writes
     * advance it when they commit, and the counter is read again at most once a
     * {@link #CHANGE_POLL} for other writers' (so it is at most that far behind them). For caches
     * of pages; {@link #lastChangeNo} reads the store.
     */
    public long knownChangeNo() {
        return known.get();
    }

    /** The store's last change number, read from the store. */
    public long lastChangeNo() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM store_counters WHERE name = 'change_no'")
                .mapTo(Long.class)
                .one());
    }

    /**
     * Papers written after {@code after}, oldest change first, for the search index to follow.
     * Batches share a change number, so the position is (change number, id).
     */
    public List<Change> changesSince(Change.Position after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(CHANGES
                        + "WHERE change_no > :change_no OR (change_no = :change_no AND id > :id) "
                        + "ORDER BY change_no, id LIMIT :limit")
                .bind("change_no", after.changeNo())
                .bind("id", after.paperId())
                .bind("limit", limit)
                .map(this::change)
                .list());
    }

    /** The latest change of each of these papers (those the store has), i.e. their current state. */
    public List<Change> currentChanges(Collection<ArxivId> ids) {
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        List<Change> changes = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += 500) {
            List<String> part = values.subList(from, Math.min(values.size(), from + 500));
            changes.addAll(jdbi.withHandle(h -> h.createQuery(CHANGES + "WHERE id IN (<ids>) ORDER BY change_no, id")
                    .bindList("ids", part)
                    .map(this::change)
                    .list()));
        }
        return changes;
    }

    private Change change(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Change(rows.map(rs, ctx),
                rs.getString("first_featured") == null ? null : LocalDate.parse(rs.getString("first_featured")),
                new Change.Position(rs.getLong("change_no"), rs.getString("id")));
    }

    /** Papers by arXiv date, newest first, after {@code after} (null for the first page). */
    public List<Paper> newest(IndexCursor after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PaperRows.SELECTED + " FROM papers "
                        + (after == null ? "" : "WHERE COALESCE(published_at, 0) < :published OR (COALESCE(published_at, 0) = :published AND id < :id) ")
                        + "ORDER BY COALESCE(published_at, 0) DESC, id DESC LIMIT :limit")
                .bind("published", after == null ? 0 : after.publishedMillis())
                .bind("id", after == null ? "" : after.paperId())
                .bind("limit", limit)
                .map(rows)
                .list());
    }

    /** A position in {@link #newest}: the last paper's arXiv date and id. */
    public record IndexCursor(long publishedMillis, String paperId) {
        public static IndexCursor after(Paper p) {
            return new IndexCursor(p.publishedAt() == null ? 0 : p.publishedAt().toEpochMilli(), p.id().value());
        }
    }
}
