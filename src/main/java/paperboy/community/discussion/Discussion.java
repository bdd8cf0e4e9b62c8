package paperboy.community.discussion;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperboy.community.MemberNames;
import paperboy.paper.ArxivId;

/**
 * A paper's discussion as its page shows it: threads of a top-level comment and its replies, in
 * the order written, each with its author's name. Hidden and deleted comments keep their place
 * (their replies stay under them) and show as such.
 */
public record Discussion(ArxivId paper, List<Thread> threads, int visible) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A comment and the name of its author. */
    public record Entry(Comment comment, String author) {
        public String when() {
            return WHEN.format(comment.createdAt());
        }

        public String anchor() {
            return "comment-" + comment.id();
        }
    }

    /** A top-level comment and its replies. */
    public record Thread(Entry top, List<Entry> replies) {}

    public Discussion {
        threads = List.copyOf(threads);
    }

    /** The discussion of {@code paper} from its comments (any order) and the authors' names. */
    public static Discussion of(ArxivId paper, List<Comment> comments, MemberNames names) {
        Map<Long, String> named = names.names(comments.stream().map(Comment::memberId).distinct().toList());
        Map<Long, Entry> tops = new LinkedHashMap<>();
        Map<Long, List<Entry>> replies = new LinkedHashMap<>();
        for (Comment c : comments.stream().sorted(java.util.Comparator.comparing(Comment::createdAt)
                .thenComparingLong(Comment::id)).toList()) {
            Entry e = new Entry(c, named.getOrDefault(c.memberId(), MemberNames.UNKNOWN));
            if (c.isReply()) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(e);
            } else {
                tops.put(c.id(), e);
            }
        }
        List<Thread> threads = tops.values().stream()
                .map(t -> new Thread(t, List.copyOf(replies.getOrDefault(t.comment().id(), List.of()))))
                .toList();
        return new Discussion(paper, threads, (int) comments.stream().filter(Comment::visible).count());
    }
}
