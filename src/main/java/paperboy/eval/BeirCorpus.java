package paperboy.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/**
 * Puts a BEIR corpus into a (throw-away) store as papers, so that evaluation runs the product's own
 * index and search. BEIR ids are not arXiv ids, so each document gets a made-up arXiv id
 * ({@code 1501.00001}, {@code 1501.00002}, ... in corpus order) and this map leads back.
 */
public final class BeirCorpus {
    private static final int BATCH = 1000;
    private static final int PER_MONTH = 99_999;

    private final Map<String, String> beirIdOf = new HashMap<>();

    /** Stores every document; returns the corpus with its id map. */
    public static BeirCorpus load(BeirDataset dataset, PaperStore store) {
        BeirCorpus corpus = new BeirCorpus();
        List<PaperUpdate> batch = new ArrayList<>(BATCH);
        try (Stream<BeirDataset.Document> documents = dataset.documents()) {
            documents.forEach(doc -> {
                batch.add(PaperUpdate.of(corpus.paper(doc)));
                if (batch.size() == BATCH) {
                    store.upsert(batch, "eval");
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            store.upsert(batch, "eval");
        }
        return corpus;
    }

    /**
     * The id map of a corpus that {@link #load} stored before (in the same folder, unchanged): the
     * made-up ids follow corpus order, so they come out the same without storing anything.
     */
    public static BeirCorpus loaded(BeirDataset dataset) {
        BeirCorpus corpus = new BeirCorpus();
        try (Stream<BeirDataset.Document> documents = dataset.documents()) {
            documents.forEach(corpus::paper);
        }
        return corpus;
    }

    /** How many documents were loaded. */
    public int size() {
        return beirIdOf.size();
    }

    /** The BEIR id of a paper loaded here. */
    public String beirId(ArxivId id) {
        String beir = beirIdOf.get(id.value());
        if (beir == null) {
            throw new IllegalArgumentException(id + " is not a document of this corpus");
        }
        return beir;
    }

    private Paper paper(BeirDataset.Document doc) {
        ArxivId id = idFor(beirIdOf.size());
        beirIdOf.put(id.value(), doc.id());
        String title = doc.title().isBlank() ? "untitled" : doc.title();
        return new Paper(id, 1, title, doc.text(), List.of(), List.of(), null, null, null, null, null);
    }

    /** The n-th made-up id (from 0): 99,999 a month from January 2015, when arXiv ids got five digits. */
    public static ArxivId idFor(int n) {
        int month = n / PER_MONTH;
        int year = 15 + month / 12;
        if (year > 99) {
            throw new IllegalArgumentException("corpus too large for made-up arXiv ids");
        }
        return ArxivId.parse(String.format("%02d%02d.%05d", year, 1 + month % 12, 1 + n % PER_MONTH));
    }
}
