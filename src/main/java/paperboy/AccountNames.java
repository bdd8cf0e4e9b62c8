package paperboy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import paperboy.account.Member;
import paperboy.account.Members;
import paperboy.community.MemberNames;

/**
 * Members' public names for the community's pages and API, from accounts. A deleted account keeps
 * its row, named {@value Member#DELETED_NAME}. Wired here so that neither feature knows the other.
 */
final class AccountNames implements MemberNames {
    private final Members members;

    AccountNames(Members members) {
        this.members = members;
    }

    @Override
    public Map<Long, String> names(Collection<Long> memberIds) {
        Map<Long, String> byId = members.names(memberIds);
        Map<Long, String> names = new LinkedHashMap<>(); // in the order asked
        for (long id : memberIds) {
            String name = byId.get(id);
            if (name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    @Override
    public Optional<Long> idNamed(String name) {
        return members.byName(name).map(Member::id);
    }
}
