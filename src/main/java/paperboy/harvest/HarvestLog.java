package paperboy.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/**
 * The store's side of a harvest: each page's papers, its deleted records and the checkpoint that
 * follows it are written in ONE transaction (table {@code harvest_checkpoints}), so a harvest killed at any
 * point resumes from the last stored page. New papers the {@link FeatureRule} picks are featured
 * with source {@code auto} in that same transaction.
 */
public final class HarvestLog implements HarvestSink {
    static final String SOURCE = "harvest";
    static final String AUTO = "auto";
    private static final String SAVE = "INSERT INTO harvest_checkpoints (set_spec, metadata_prefix, from_day, "
            + "until_day, resumption_token, last_datestamp, complete, updated_at) VALUES (:set_spec, :prefix, :from_day, "
            + ":until_day, :token, :last_datestamp, :complete, :updated_at) ON CONFLICT (set_spec, metadata_prefix) "
            + "DO UPDATE SET from_day = excluded.from_day, until_day = excluded.until_day, "
            + "resumption_token = excluded.resumption_token, last_datestamp = excluded.last_datestamp, "
            + "complete = excluded.complete, updated_at = excluded.updated_at";

    private final Jdbi jdbi;
    private final PaperStore papers;
    private final String metadataPrefix;
    private final FeatureRule featureRule;
    private final Clock clock;
    private int featured;

    public HarvestLog(Jdbi jdbi, PaperStore papers, String metadataPrefix, FeatureRule featureRule, Clock clock) {
        this.jdbi = jdbi;
        this.papers = papers;
        this.metadataPrefix = metadataPrefix;
        this.featureRule = featureRule;
        this.clock = clock;
    }

    @Override
    public void store(List<Paper> page, List<OaiRecord.Deleted> deleted, HarvestCheckpoint next) {
        Instant now = clock.instant();
        int featuredNow = jdbi.inTransaction(h -> {
            int autoFeatured = storePapers(h, page, now);
            markWithdrawn(h, deleted);
            save(h, next, now);
            return autoFeatured;
        });
        featured += featuredNow;
    }

    private int storePapers(Handle h, List<Paper> page, Instant now) {
        Set<ArxivId> known = featureRule.isOff() ? Set.of() : papers.known(h, page.stream().map(Paper::id).toList());
        List<PaperUpdate> plain = new ArrayList<>();
        List<PaperUpdate> auto = new ArrayList<>();
        for (Paper p : page) {
            if (!known.contains(p.id()) && featureRule.matches(p)) {
                auto.add(new PaperUpdate(p, announcedOn(p), now));
            } else {
                plain.add(PaperUpdate.of(p));
            }
        }
        if (!plain.isEmpty()) {
            papers.upsert(h, plain, SOURCE);
        }
        if (!auto.isEmpty()) {
            papers.upsert(h, auto, AUTO);
        }
        return auto.size();
    }

    /** A deleted record's datestamp is the day arXiv deleted it: the paper is withdrawn as of then. */
    private void markWithdrawn(Handle h, List<OaiRecord.Deleted> deleted) {
        Map<LocalDate, List<ArxivId>> byDay = deleted.stream().collect(Collectors.groupingBy(
                OaiRecord.Deleted::datestamp, TreeMap::new, Collectors.mapping(OaiRecord.Deleted::id, Collectors.toList())));
        byDay.forEach((day, ids) -> papers.markWithdrawn(h, ids, day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * The day a new paper goes on the list: the date of the version arXiv just sent (the paper's
     * updated date, its v1 date for a new paper). The sink does not see the OAI datestamp; the
     * version date is the paper's own and does not move when arXiv touches the record later.
     */
    static LocalDate announcedOn(Paper p) {
        Instant when = p.updatedAt() != null ? p.updatedAt() : p.publishedAt();
        return when == null ? null : LocalDate.ofInstant(when, ZoneOffset.UTC);
    }

    private void save(Handle h, HarvestCheckpoint c, Instant now) {
        h.createUpdate(SAVE)
                .bind("set_spec", setKey(c.set()))
                .bind("prefix", metadataPrefix)
                .bind("from_day", day(c.from()))
                .bind("until_day", day(c.until()))
                .bind("token", c.resumptionToken())
                .bind("last_datestamp", day(c.lastDatestamp()))
                .bind("complete", c.complete() ? 1 : 0)
                .bind("updated_at", now.toEpochMilli())
                .execute();
    }

    /** The checkpoint stored for {@code set} (null: the whole archive), if a harvest of it ever stored one. */
    public Optional<HarvestCheckpoint> last(String set) {
        return jdbi.withHandle(h -> h.createQuery("SELECT from_day, until_day, resumption_token, last_datestamp, "
                        + "complete FROM harvest_checkpoints WHERE set_spec = :set_spec AND metadata_prefix = :prefix")
                .bind("set_spec", setKey(set))
                .bind("prefix", metadataPrefix)
                .map((rs, ctx) -> new HarvestCheckpoint(set, date(rs.getString("from_day")),
                        date(rs.getString("until_day")), rs.getString("resumption_token"),
                        date(rs.getString("last_datestamp")), rs.getInt("complete") == 1))
                .findOne());
    }

    /** How many papers this log featured automatically since it was made. */
    public int featured() {
        return featured;
    }

    public String metadataPrefix() {
        return metadataPrefix;
    }

    private static String setKey(String set) {
        return set == null ? "" : set; // part of the primary key, so never null
    }

    private static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
