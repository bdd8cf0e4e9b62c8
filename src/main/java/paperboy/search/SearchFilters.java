package paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a search keeps: papers first published on arXiv from {@code from} to {@code to}
 * (inclusive, either open), in any of {@code categories} ({@code cs.CL}, or a whole archive such as
 * {@code cs}; empty for all), and only those featured on a daily list when {@code featuredOnly}.
 */
public record SearchFilters(LocalDate from, LocalDate to, List<String> categories, boolean featuredOnly) {
    public static final SearchFilters NONE = new SearchFilters(null, null, List.of(), false);

    public SearchFilters {
        categories = categories == null ? List.of()
                : categories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }

    public boolean isEmpty() {
        return from == null && to == null && categories.isEmpty() && !featuredOnly;
    }

    public SearchFilters withCategories(List<String> more) {
        List<String> all = new ArrayList<>(categories);
        all.addAll(more);
        return new SearchFilters(from, to, all, featuredOnly);
    }
}
