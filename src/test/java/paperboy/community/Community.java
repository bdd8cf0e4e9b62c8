package paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import paperboy.community.discussion.CommentMarkdown;
import paperboy.community.discussion.Comments;
import paperboy.community.discussion.Reports;
import paperboy.community.moderation.Moderation;
import paperboy.community.moderation.ModerationLog;
import paperboy.db.Database;
import paperboy.harvest.ArxivApi;
import paperboy.harvest.ArxivHttp;
import paperboy.harvest.PaperFetcher;
import paperboy.harvest.Politeness;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/** Test wiring: the community's stores and services over one test store, with a clock and an arXiv stub. */
final class Community implements AutoCloseable {
    final PaperStore papers;
    final Bans bans;
    final Upvotes upvotes;
    final Submissions submissions;
    final Submitting submitting;
    final Comments comments;
    final Reports reports;
    final Moderation moderation;
    final ArxivStub arxiv = new ArxivStub(ArxivStub.DEEP_DREAM);
    private final ArxivHttp http = new ArxivHttp("0.1.0", "mailto:ops@example.org", Duration.ofSeconds(5),
            new Politeness(Duration.ZERO));

    Community(Database db, Clock clock, SubmitRules rules) {
        var jdbi = db.jdbi();
        papers = new PaperStore(jdbi);
        bans = new TestBans();
        upvotes = new Upvotes(jdbi, papers, bans, clock);
        submissions = new Submissions(jdbi);
        var fetcher = new PaperFetcher(papers, () -> new ArxivApi(arxiv.apiUrl(), http));
        submitting = new Submitting(jdbi, papers, fetcher, submissions, upvotes, bans, rules, clock);
        comments = new Comments(jdbi, papers, bans, new CommentMarkdown(), clock);
        reports = new Reports(jdbi, comments, clock);
        moderation = new Moderation(jdbi, comments, bans, submissions, papers, new ModerationLog(jdbi), clock);
    }

    void store(PaperUpdate... updates) {
        papers.upsert(List.of(updates), "test");
    }

    @Override
    public void close() {
        http.close();
        arxiv.close();
    }
}
