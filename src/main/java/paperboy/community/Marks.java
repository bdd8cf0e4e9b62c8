package paperboy.community;

import java.util.Map;
import java.util.Set;
import paperboy.paper.ArxivId;

/**
 * What the community adds to a page of papers: who submitted each (by name), and which the member
 * looking has upvoted (empty for a visitor who is not logged in, so such pages can be shared).
 */
public record Marks(Map<ArxivId, Submitter> submitters, Set<ArxivId> upvoted) {
    public static final Marks NONE = new Marks(Map.of(), Set.of());

    /** A paper's submitter: the member and their name. */
    public record Submitter(long memberId, String name, Submission submission) {}

    public Marks {
        submitters = Map.copyOf(submitters);
        upvoted = Set.copyOf(upvoted);
    }

    public String submittedBy(ArxivId paper) {
        Submitter s = submitters.get(paper);
        return s == null ? null : s.name();
    }

    public boolean upvoted(ArxivId paper) {
        return upvoted.contains(paper);
    }
}
