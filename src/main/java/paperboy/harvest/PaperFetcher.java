package paperboy.harvest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/**
 * Adds papers to the store by arXiv id through the arXiv API. A paper the store already has is
 * answered from the store without asking arXiv (submissions by id will lean on that), unless a
 * refresh is asked for.
 */
public final class PaperFetcher {
    static final String SOURCE = "fetch";

    private final PaperStore papers;
    private final Supplier<ArxivApi> api;

    /** @param api made only when arXiv has to be asked (it needs the operator's contact) */
    public PaperFetcher(PaperStore papers, Supplier<ArxivApi> api) {
        this.papers = papers;
        this.api = api;
    }

    /** What a fetch did: papers answered from the store, papers fetched from arXiv, ids arXiv does not know. */
    public record Report(List<Paper> fromStore, List<Paper> fetched, List<ArxivId> notFound) {
        public Report {
            fromStore = List.copyOf(fromStore);
            fetched = List.copyOf(fetched);
            notFound = List.copyOf(notFound);
        }
    }

    public Report fetch(List<ArxivId> ids, boolean refresh) throws IOException {
        List<ArxivId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<Paper> known = refresh ? List.of() : papers.findAll(distinct);
        Set<ArxivId> knownIds = known.stream().map(Paper::id).collect(Collectors.toSet());
        List<ArxivId> missing = distinct.stream().filter(id -> !knownIds.contains(id)).toList();
        if (missing.isEmpty()) {
            return new Report(known, List.of(), List.of());
        }
        ApiResult result = api.get().fetch(missing);
        Set<ArxivId> asked = Set.copyOf(missing);
        Map<ArxivId, Paper> found = result.entries().stream().map(ArxivEntry::paper)
                .filter(p -> asked.contains(p.id())) // only what was asked, whatever the answer held
                .collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
        papers.upsert(found.values().stream().map(PaperUpdate::of).toList(), SOURCE);
        List<Paper> fetched = new ArrayList<>(papers.findAll(missing.stream().filter(found::containsKey).toList()));
        List<ArxivId> notFound = missing.stream().filter(id -> !found.containsKey(id)).toList();
        return new Report(known, fetched, notFound);
    }
}
