package paperboy.community;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import paperboy.harvest.PaperFetcher;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/**
 * A member submits a paper to today's list (UTC). A paper the store has is used as it is, with no
 * network call; an unknown one is fetched from arXiv first. Then the rules ({@link SubmitRules}):
 * a paper already on a list is not listed again, the submission becomes the member's upvote of it;
 * the first version must be recent enough; a member has a daily limit. The submitter's own upvote
 * comes with the submission.
 */
public final class Submitting {
    /** The {@code featured.source} of a paper a member put on the list. */
    public static final String SOURCE = "submission";

    private final Jdbi jdbi;
    private final PaperStore papers;
    private final PaperFetcher fetcher;
    private final Submissions submissions;
    private final Upvotes upvotes;
    private final Bans bans;
    private final SubmitRules rules;
    private final Clock clock;

    public Submitting(Jdbi jdbi, PaperStore papers, PaperFetcher fetcher, Submissions submissions, Upvotes upvotes,
            Bans bans, SubmitRules rules, Clock clock) {
        this.jdbi = jdbi;
        this.papers = papers;
        this.fetcher = fetcher;
        this.submissions = submissions;
        this.upvotes = upvotes;
        this.bans = bans;
        this.rules = rules;
        this.clock = clock;
    }

    /** What a submission did. */
    public sealed interface Outcome {
        Paper paper();

        /** The paper went on today's list, submitted by the member. */
        record Listed(Paper paper, LocalDate day) implements Outcome {}

        /** The paper was on a list already: the member's upvote of it is counted instead. */
        record AlreadyListed(Paper paper, Vote vote) implements Outcome {}
    }

    public SubmitRules rules() {
        return rules;
    }

    /** @throws SubmissionRefused when a rule refuses it; {@link Banned} for a banned member */
    public Outcome submit(long memberId, ArxivId id) {
        bans.requireAllowed(memberId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!papers.featuredDays(id).isEmpty()) {
            return alreadyListed(memberId, id);
        }
        requireUnderLimit(memberId, today);
        Paper paper = papers.find(id).orElseGet(() -> fetch(id));
        requireListable(paper);
        return list(memberId, paper, today);
    }

    private Outcome alreadyListed(long memberId, ArxivId id) {
        Vote vote = upvotes.set(memberId, id, true);
        return new Outcome.AlreadyListed(papers.find(id).orElseThrow(() -> new UnknownPaper(id)), vote);
    }

    private void requireUnderLimit(long memberId, LocalDate today) {
        int used = jdbi.withHandle(h -> submissions.countOn(h, memberId, today));
        if (used >= rules.dailyLimit()) {
            throw overLimit(used);
        }
    }

    private static SubmissionRefused overLimit(int used) {
        return new SubmissionRefused(SubmissionRefused.Reason.DAILY_LIMIT, "You have submitted " + used
                + " papers today, the most a member may submit in a day (UTC); try again tomorrow.");
    }

    private Paper fetch(ArxivId id) {
        PaperFetcher.Report report;
        try {
            report = fetcher.fetch(List.of(id), false);
        } catch (IOException | RuntimeException e) {
            // a missing contact (ConfigException), arXiv down or refusing: nothing the member did
            throw new SubmissionRefused(SubmissionRefused.Reason.ARXIV_UNAVAILABLE,
                    "Paper " + id + " is not in this index, and arXiv could not be asked for it just now ("
                            + e.getMessage() + "). Try again later.");
        }
        if (!report.notFound().isEmpty() || report.fetched().isEmpty()) {
            throw new SubmissionRefused(SubmissionRefused.Reason.NOT_ON_ARXIV,
                    "arXiv has no paper " + id + ". Check the id or link.");
        }
        return report.fetched().getFirst();
    }

    private void requireListable(Paper paper) {
        if (paper.withdrawn()) {
            throw new SubmissionRefused(SubmissionRefused.Reason.WITHDRAWN,
                    "arXiv has withdrawn paper " + paper.id() + "; it cannot go on the list.");
        }
        Instant first = paper.publishedAt();
        if (first != null && Duration.between(first, clock.instant()).toDays() > rules.maxAgeDays()) {
            throw new SubmissionRefused(SubmissionRefused.Reason.TOO_OLD, "Paper " + paper.id()
                    + " first appeared on arXiv on " + LocalDate.ofInstant(first, ZoneOffset.UTC)
                    + "; only papers whose first version is at most " + rules.maxAgeDays() + " days old can be submitted.");
        }
    }

    /** Lists the paper, unless another member listed it meanwhile (then it is an upvote, as above). */
    private Outcome list(long memberId, Paper paper, LocalDate today) {
        Instant now = clock.instant();
        boolean listed = jdbi.inTransaction(h -> {
            PaperStore.queueForWrite(h); // writers of the same paper queue here, so it is listed once
            bans.requireAllowed(h, memberId);
            if (papers.isFeatured(h, paper.id())) {
                return false;
            }
            int used = submissions.countOn(h, memberId, today);
            if (used >= rules.dailyLimit()) {
                throw overLimit(used);
            }
            papers.write(h, List.of(new PaperUpdate(paper, today, now)), SOURCE);
            submissions.add(h, new Submission(paper.id(), memberId, today, now));
            upvotes.set(h, memberId, paper.id(), true);
            return true;
        });
        if (!listed) {
            return alreadyListed(memberId, paper.id());
        }
        return new Outcome.Listed(papers.find(paper.id()).orElseThrow(), today);
    }
}
