package paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Turns a {@link Paper} into the columns of {@code papers} and back. */
final class PaperRows implements RowMapper<Paper> {
    static final String COLUMNS = "id, version, title, summary, authors, categories, published_at, updated_at, "
            + "doi, journal_ref, comments, license, github_repo, github_stars, project_page, ai_summary, "
            + "ai_keywords, upvotes, num_comments";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Paper map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Paper(
                new ArxivId(rs.getString("id")),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("summary"),
                strings(rs.getString("authors")),
                categories(rs.getString("categories")),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                new Paper.Bibliography(rs.getString("doi"), rs.getString("journal_ref"),
                        rs.getString("comments"), rs.getString("license")),
                new Paper.Links(rs.getString("github_repo"), integer(rs, "github_stars"), rs.getString("project_page")),
                new Paper.Community(rs.getInt("upvotes"), rs.getInt("num_comments"),
                        rs.getString("ai_summary"), strings(rs.getString("ai_keywords"))));
    }

    /** The named parameters for an insert or update of {@code paper}. */
    Map<String, Object> parameters(Paper p) {
        var m = new java.util.HashMap<String, Object>();
        m.put("id", p.id().value());
        m.put("version", p.version());
        m.put("title", p.title());
        m.put("summary", p.summary());
        m.put("authors", toJson(p.authors()));
        m.put("categories", String.join(" ", p.categories()));
        m.put("published_at", millis(p.publishedAt()));
        m.put("updated_at", millis(p.updatedAt()));
        m.put("doi", p.bibliography().doi());
        m.put("journal_ref", p.bibliography().journalRef());
        m.put("comments", p.bibliography().comments());
        m.put("license", p.bibliography().license());
        m.put("github_repo", p.links().githubRepo());
        m.put("github_stars", p.links().githubStars());
        m.put("project_page", p.links().projectPage());
        m.put("ai_summary", p.community().aiSummary());
        m.put("ai_keywords", toJson(p.community().aiKeywords()));
        m.put("upvotes", p.community().upvotes());
        m.put("num_comments", p.community().numComments());
        return m;
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    private List<String> strings(String column) throws SQLException {
        try {
            return column == null ? List.of() : json.readValue(column, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt JSON list in the store: " + column, e);
        }
    }

    private static List<String> categories(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(" "));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
