package paperboy.web.pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import paperboy.community.MemberNames;
import paperboy.community.discussion.Reports;

/** {@code /moderation}: reports of comments still shown, newest first, with who wrote and who reported. */
public record ModerationPage(List<Row> reports) {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One report. */
    public record Row(Reports.Report report, String author, String reporter, String when) {
        public String href() {
            return "/papers/" + report.comment().paper().value() + "#comment-" + report.comment().id();
        }
    }

    public static ModerationPage of(List<Reports.Report> reports, MemberNames names) {
        Map<Long, String> named = names.names(reports.stream()
                .flatMap(r -> Stream.of(r.memberId(), r.comment().memberId())).distinct().toList());
        return new ModerationPage(reports.stream().map(r -> new Row(r,
                named.getOrDefault(r.comment().memberId(), MemberNames.UNKNOWN),
                named.getOrDefault(r.memberId(), MemberNames.UNKNOWN), WHEN.format(r.at()))).toList());
    }
}
