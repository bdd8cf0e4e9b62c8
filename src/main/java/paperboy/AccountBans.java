package paperboy;

import org.jdbi.v3.core.Handle;
import paperboy.account.Accounts;
import paperboy.account.Member;
import paperboy.account.MemberStatus;
import paperboy.account.Members;
import paperboy.account.Role;
import paperboy.community.Bans;

/**
 * Bans as accounts keep them: a banned member's status is {@code banned}, which ends their
 * sessions and tokens. Any member who is not active (banned, disabled, deleted) may not write.
 */
final class AccountBans implements Bans {
    private final Accounts accounts;

    AccountBans(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean isBanned(long memberId) {
        return accounts.members().byId(memberId).map(m -> !m.isActive()).orElse(true);
    }

    @Override
    public boolean isBanned(Handle h, long memberId) {
        return Members.byId(h, memberId).map(m -> !m.isActive()).orElse(true);
    }

    @Override
    public boolean ban(long memberId) {
        Member member = accounts.members().byId(memberId).orElse(null);
        // Only members: a moderator banning an admin (or another moderator) would end their sessions
        // and tokens, and only the CLI could undo it. Staff lose their role first (`user role`).
        if (member == null || member.status() != MemberStatus.ACTIVE || member.role() != Role.MEMBER) {
            return false;
        }
        accounts.setStatus(member, MemberStatus.BANNED);
        return true;
    }

    @Override
    public boolean unban(long memberId) {
        Member member = accounts.members().byId(memberId).orElse(null);
        if (member == null || member.status() != MemberStatus.BANNED) {
            return false;
        }
        accounts.setStatus(member, MemberStatus.ACTIVE);
        return true;
    }
}
