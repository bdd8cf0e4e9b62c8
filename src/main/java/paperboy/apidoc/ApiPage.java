package paperboy.apidoc;

import java.util.List;

/**
 * What the API page at {@code /api} shows, read from the OpenAPI document: the introduction, the
 * endpoints by tag with their parameters, answers and examples (as curl lines), and the schemas.
 */
public record ApiPage(String title, String summary, List<String> introduction, String documentPath,
        List<Group> groups, List<Schema> schemas) {

    /** The endpoints of one tag. */
    public record Group(String name, String description, List<Endpoint> endpoints) {}

    /** One method on one path. */
    public record Endpoint(String method, String path, String anchor, String summary, List<String> description,
            List<Parameter> parameters, List<Answer> answers, List<Example> examples) {}

    /** A parameter: where it goes, its type with its limits, whether it must be given. */
    public record Parameter(String name, String in, Type type, boolean required, String description) {}

    /** A documented answer: status, what it means, the body's type and the headers that come with it. */
    public record Answer(String status, String description, String mediaType, Type type, List<Header> headers) {}

    public record Header(String name, Type type, boolean required, String description) {}

    /** An example request as a curl line, the status it is answered with, and the documented body (pretty JSON, or empty). */
    public record Example(String summary, String curl, int status, String body) {}

    /** A schema of the components, with its fields. */
    public record Schema(String name, String anchor, String description, String extendsName, List<Field> fields) {}

    public record Field(String name, Type type, boolean required, String description) {}

    /**
     * A type in words ({@code integer, 1 to 100, default 50}, {@code array of Paper}); {@code schema}
     * names the schema it refers to, for a link, or is null.
     */
    public record Type(String text, String schema) {
        public String anchor() {
            return schema == null ? null : ApiPages.schemaAnchor(schema);
        }
    }
}
