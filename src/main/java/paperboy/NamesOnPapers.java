package paperboy;

import org.jdbi.v3.core.Handle;
import paperboy.account.NameChanges;
import paperboy.community.NamedPapers;
import paperboy.paper.PaperStore;

/**
 * When a member's name changes, the papers that show it (submitted or commented by them) take a
 * change number in the same transaction: the page cache, the lists remembered for members and the
 * feeds are keyed by the store's change number, so none serves the old name again. Wired here so
 * that accounts need not know the community.
 */
final class NamesOnPapers implements NameChanges {
    private final PaperStore papers;

    NamesOnPapers(PaperStore papers) {
        this.papers = papers;
    }

    @Override
    public void changed(Handle h, long memberId) {
        papers.changed(h, NamedPapers.of(h, memberId));
    }
}
