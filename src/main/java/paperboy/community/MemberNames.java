package paperboy.community;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Members' public names, which accounts keep: the community stores name members by id only.
 * A member who deleted their account keeps a row and a name saying so.
 */
public interface MemberNames {
    /** The names of these members, by id; ids without an account are left out. */
    Map<Long, String> names(Collection<Long> memberIds);

    /** The member with this public name (names are unique), if any. */
    Optional<Long> idNamed(String name);

    /** What a page shows for a member whose account is gone. */
    String UNKNOWN = "a former member";
}
