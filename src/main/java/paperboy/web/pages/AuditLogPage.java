package paperboy.web.pages;

import java.util.List;
import java.util.Map;
import paperboy.community.MemberNames;
import paperboy.community.moderation.LogEntry;

/** {@code /admin/log}: the moderation audit log, newest first, for admins. */
public record AuditLogPage(List<Row> entries) {
    /** One action: who, what, on what, when, why. */
    public record Row(LogEntry entry, String moderator, String when, String targetHref) {}

    public static AuditLogPage of(List<LogEntry> entries, MemberNames names) {
        Map<Long, String> named = names.names(entries.stream().map(LogEntry::moderatorId).distinct().toList());
        return new AuditLogPage(entries.stream().map(e -> new Row(e, named.getOrDefault(e.moderatorId(), MemberNames.UNKNOWN),
                ModerationPage.WHEN.format(e.at()), href(e.target()))).toList());
    }

    /** {@code paper:ID} links its page; comments and members have none of their own. */
    private static String href(String target) {
        return target.startsWith("paper:") ? "/papers/" + target.substring("paper:".length()) : null;
    }
}
