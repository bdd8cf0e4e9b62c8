package paperboy.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import paperboy.paper.ArxivId;
import paperboy.paper.InvalidArxivId;
import paperboy.search.SearchFilters;
import paperboy.search.SearchRequest;

/**
 * The search parameters shared by {@code /search} and {@code /api/papers/search}: {@code mode},
 * {@code sort}, {@code from}, {@code to}, {@code cat} (comma-separated) and {@code featured}. A
 * malformed value is a 400 that names the parameter.
 */
public final class SearchParams {
    private SearchParams() {}

    /** The asked mode, or null to let the index choose. */
    public static SearchRequest.Mode mode(Context ctx) {
        String raw = Params.text(ctx, "mode");
        try {
            return raw == null ? null : SearchRequest.Mode.parse(raw);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /**
     * The paper a query names when it is nothing but an arXiv id or link ({@code 2608.19880},
     * {@code arXiv:2608.19880v2}, {@code https://arxiv.org/abs/2608.19880}): people paste those
     * into a search box to open the paper, not to find papers containing the digits.
     */
    public static Optional<ArxivId> arxivId(String query) {
        try {
            return Optional.of(ArxivId.parse(query));
        } catch (InvalidArxivId e) {
            return Optional.empty();
        }
    }

    /** What to tell a user whose query names a paper this index does not have. */
    public static String notInIndex(ArxivId id) {
        return "arXiv:" + id + " is not in this index. It may exist on arXiv (" + id.absUrl()
                + "); an operator can add it with ./paperboy fetch " + id + ".";
    }

    public static SearchRequest.Sort sort(Context ctx) {
        String raw = Params.text(ctx, "sort");
        try {
            return raw == null ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.parse(raw);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    public static SearchFilters filters(Context ctx) {
        String cat = Params.text(ctx, "cat");
        List<String> categories = cat == null ? List.of() : Arrays.asList(cat.split("[,\\s]+"));
        try {
            return new SearchFilters(date(ctx, "from"), date(ctx, "to"), categories, featured(ctx));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static boolean featured(Context ctx) {
        String raw = Params.text(ctx, "featured");
        if (raw == null) {
            return false;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw HttpError.badRequest("featured must be true or false, not \"" + Params.shorten(raw) + "\"");
        };
    }

    private static LocalDate date(Context ctx, String name) {
        String raw = Params.text(ctx, name);
        try {
            return raw == null ? null : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be a date like 2024-05-31, not \"" + Params.shorten(raw) + "\"");
        }
    }
}
