package paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Turns a {@link Paper} into the columns of {@code papers} and back. */
final class PaperRows implements RowMapper<Paper> {
    static final String COLUMNS = "id, version, title, summary, authors, categories, published_at, updated_at, "
            + "doi, journal_ref, comments, license, github_repo, github_stars, project_page, ai_summary, "
            + "ai_keywords, upvotes, num_comments, withdrawn_at, thumbnail, media_urls, organization, ai_summary_model";
    static final int COLUMN_COUNT = COLUMNS.split(", ").length;
    /**
     * What reads select: the written columns and the members' counts, which only community writes
     * change ({@link PaperStore#addMemberCounts}), so an upsert leaves them as they are.
     */
    static final String SELECTED = COLUMNS + ", member_upvotes, member_comments";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectWriter stringsWriter = json.writerFor(STRINGS);

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
                        rs.getString("ai_summary"), strings(rs.getString("ai_keywords")),
                        rs.getInt("member_upvotes"), rs.getInt("member_comments")),
                instant(rs, "withdrawn_at"),
                new Paper.Showcase(rs.getString("thumbnail"), strings(rs.getString("media_urls")),
                        organization(rs.getString("organization")), rs.getString("ai_summary_model")));
    }

    /**
     * Binds {@code p} to the first {@link #COLUMN_COUNT} parameters of {@code ps}, in the order of
     * {@link #COLUMNS}. Plain JDBC rather than Jdbi's named binding: a harvest or bulk import writes
     * a thousand rows a page, and resolving named arguments per value cost as much as SQLite did.
     */
    void bind(PreparedStatement ps, Paper p) throws SQLException {
        int i = 0;
        ps.setString(++i, p.id().value());
        ps.setInt(++i, p.version());
        ps.setString(++i, p.title());
        ps.setString(++i, p.summary());
        ps.setString(++i, toJson(p.authors()));
        ps.setString(++i, String.join(" ", p.categories()));
        setMillis(ps, ++i, p.publishedAt());
        setMillis(ps, ++i, p.updatedAt());
        ps.setString(++i, p.bibliography().doi());
        ps.setString(++i, p.bibliography().journalRef());
        ps.setString(++i, p.bibliography().comments());
        ps.setString(++i, p.bibliography().license());
        ps.setString(++i, p.links().githubRepo());
        if (p.links().githubStars() == null) {
            ps.setNull(++i, Types.INTEGER);
        } else {
            ps.setInt(++i, p.links().githubStars());
        }
        ps.setString(++i, p.links().projectPage());
        ps.setString(++i, p.community().aiSummary());
        ps.setString(++i, toJson(p.community().aiKeywords()));
        ps.setInt(++i, p.community().upvotes());
        ps.setInt(++i, p.community().numComments());
        setMillis(ps, ++i, p.withdrawnAt());
        ps.setString(++i, p.showcase().thumbnail());
        ps.setString(++i, toJson(p.showcase().mediaUrls()));
        ps.setString(++i, organizationJson(p.showcase().organization()));
        ps.setString(++i, p.showcase().aiSummaryModel());
        assert i == COLUMN_COUNT;
    }

    private String toJson(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        try {
            return stringsWriter.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    /** In Hugging Face's own shape, so the column reads like the data it came from. */
    private String organizationJson(Paper.Organization o) throws SQLException {
        if (o == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_id", o.hfId());
        fields.put("name", o.name());
        fields.put("fullname", o.fullname());
        fields.put("avatar", o.avatar());
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write an organisation as JSON", e);
        }
    }

    private Paper.Organization organization(String column) throws SQLException {
        if (column == null) {
            return null;
        }
        try {
            Map<String, String> fields = json.readValue(column, FIELDS);
            if (fields.get("name") == null) {
                throw new SQLException("an organisation without a name in the store: " + column);
            }
            return new Paper.Organization(fields.get("_id"), fields.get("name"), fields.get("fullname"), fields.get("avatar"));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt organisation in the store: " + column, e);
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

    private static void setMillis(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }
}
