package paperboy.community;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paperboy.paper.ArxivId;

/** Reads what pages and the API show of the community beside papers ({@link Marks}), a few queries a page. */
public final class CommunityView {
    private final Submissions submissions;
    private final Upvotes upvotes;
    private final MemberNames names;

    /** What the member submitted, newest first (the API's {@code submitter=}). */
    public List<Submission> submissionsBy(long memberId) {
        return submissions.by(memberId);
    }

    public CommunityView(Submissions submissions, Upvotes upvotes, MemberNames names) {
        this.submissions = submissions;
        this.upvotes = upvotes;
        this.names = names;
    }

    public MemberNames names() {
        return names;
    }

    /** The submitters of these papers, and which of them {@code memberId} upvoted (null: nobody is logged in). */
    public Marks marks(Collection<ArxivId> papers, Long memberId) {
        if (papers.isEmpty()) {
            return Marks.NONE;
        }
        Map<ArxivId, Submission> submitted = submissions.of(papers);
        Map<Long, String> named = names.names(submitted.values().stream().map(Submission::memberId).distinct().toList());
        Map<ArxivId, Marks.Submitter> submitters = new HashMap<>();
        submitted.forEach((paper, s) -> submitters.put(paper,
                new Marks.Submitter(s.memberId(), named.getOrDefault(s.memberId(), MemberNames.UNKNOWN), s)));
        Set<ArxivId> mine = memberId == null ? Set.of() : upvotes.upvotedBy(memberId, papers);
        return new Marks(submitters, mine);
    }

    /** Which of these papers the member upvoted: the one part of {@link Marks} that is theirs alone. */
    public Set<ArxivId> upvotedBy(long memberId, Collection<ArxivId> papers) {
        return upvotes.upvotedBy(memberId, papers);
    }

    public Marks marks(ArxivId paper, Long memberId) {
        return marks(List.of(paper), memberId);
    }
}
