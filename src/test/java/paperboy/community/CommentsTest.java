package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static paperboy.paper.PaperBuilder.paper;

import paperboy.community.discussion.Comment;
import paperboy.community.discussion.CommentRefused;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;

/** The discussion and its moderation on SQLite and PostgreSQL. */
class CommentsTest {
    static final ArxivId PAPER = new ArxivId("2608.00001");

    private static Community community(Database db) {
        var c = new Community(db, UpvotesTest.CLOCK, SubmitRules.DEFAULTS);
        c.store(paper("2608.00001").numComments(2).featuredOn("2026-08-21"), paper("2608.00002").featuredOn("2026-08-21"));
        return c;
    }

    private static int comments(Community c) {
        return c.papers.find(PAPER).orElseThrow().community().totalComments();
    }

    @StoreTest
    void commentsAndRepliesAreOneLevelDeepAndCounted(Database db) {
        try (var c = community(db)) {
            Comment top = c.comments.add(1, PAPER, null, "Nice **result**");
            Comment reply = c.comments.add(2, PAPER, top.id(), "Agreed");
            Comment replyToReply = c.comments.add(1, PAPER, reply.id(), "Thanks");

            assertThat(top.html()).isEqualTo("<p>Nice <strong>result</strong></p>");
            assertThat(reply.parentId()).isEqualTo(top.id());
            assertThat(replyToReply.parentId()).isEqualTo(top.id());
            assertThat(c.comments.of(PAPER)).extracting(Comment::id).containsExactly(top.id(), reply.id(), replyToReply.id());
            assertThat(comments(c)).isEqualTo(2 + 3);
        }
    }

    @StoreTest
    void onlyTheAuthorEditsOrDeletesAComment(Database db) {
        try (var c = community(db)) {
            Comment mine = c.comments.add(1, PAPER, null, "first");

            assertThatThrownBy(() -> c.comments.edit(2, mine.id(), "hijacked"))
                    .isInstanceOfSatisfying(CommentRefused.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> c.comments.delete(2, mine.id()))
                    .isInstanceOfSatisfying(CommentRefused.class, e -> assertThat(e.status()).isEqualTo(403));

            Comment edited = c.comments.edit(1, mine.id(), "_second_");
            assertThat(edited.html()).isEqualTo("<p><em>second</em></p>");
            assertThat(edited.editedAt()).isNotNull();

            Comment deleted = c.comments.delete(1, mine.id());
            assertThat(deleted.state()).isEqualTo(Comment.State.DELETED);
            assertThat(deleted.body()).isEmpty();
            assertThat(comments(c)).isEqualTo(2);
            c.comments.delete(1, mine.id());
            assertThat(comments(c)).isEqualTo(2);
        }
    }

    @StoreTest
    void badCommentsAreRefused(Database db) {
        try (var c = community(db)) {
            Comment other = c.comments.add(1, new ArxivId("2608.00002"), null, "elsewhere");

            assertThatThrownBy(() -> c.comments.add(1, PAPER, null, "   ")).hasMessageContaining("needs some text");
            assertThatThrownBy(() -> c.comments.add(1, PAPER, null, "x".repeat(65_537))).hasMessageContaining("at most 65536");
            assertThatThrownBy(() -> c.comments.add(1, PAPER, other.id(), "reply")).hasMessageContaining("another paper");
            assertThatThrownBy(() -> c.comments.add(1, PAPER, 12345L, "reply"))
                    .isInstanceOfSatisfying(CommentRefused.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> c.comments.add(1, new ArxivId("2608.09999"), null, "hi")).isInstanceOf(UnknownPaper.class);
        }
    }

    @StoreTest
    void moderatorsHideAndRestoreAndEveryActionIsLogged(Database db) {
        try (var c = community(db)) {
            Comment rude = c.comments.add(1, PAPER, null, "rude");
            c.reports.report(2, rude.id(), "insulting");
            c.reports.report(2, rude.id(), "again");
            assertThat(c.reports.open(10)).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("insulting"));

            assertThat(c.moderation.hide(9, rude.id(), "insults")).isTrue();
            assertThat(c.moderation.hide(9, rude.id(), "twice")).isFalse();
            assertThat(comments(c)).isEqualTo(2);
            assertThat(c.reports.open(10)).isEmpty();
            assertThatThrownBy(() -> c.comments.edit(1, rude.id(), "sorry")).hasMessageContaining("no longer shown");

            assertThat(c.moderation.restore(9, rude.id(), "on appeal")).isTrue();
            assertThat(comments(c)).isEqualTo(3);
            assertThat(c.moderation.ban(9, 1, "repeat")).isTrue();
            assertThatThrownBy(() -> c.comments.add(1, PAPER, null, "more")).isInstanceOf(Banned.class);
            assertThat(c.moderation.unban(9, 1, "served")).isTrue();
            c.comments.add(1, PAPER, null, "better now");

            assertThat(c.moderation.log().latest(10))
                    .extracting(e -> e.moderatorId() + " " + e.action().word() + " " + e.target() + " " + e.reason())
                    .containsExactly("9 unban member:1 served", "9 ban member:1 repeat",
                            "9 restore comment:" + rude.id() + " on appeal", "9 hide comment:" + rude.id() + " insults");
        }
    }
}
