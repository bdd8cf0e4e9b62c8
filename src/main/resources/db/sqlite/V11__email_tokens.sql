-- Accounts' mail (issue 11): a verified email address, and the single-use tokens that mails carry
-- to verify an address or to set a new password. As with sessions, only the SHA-256 of a token is
-- kept, so a copy of the store verifies nobody and resets no password.

-- When the member's current email was proven theirs by a verification mail; null: not (yet).
ALTER TABLE members ADD COLUMN email_verified_at BIGINT;

-- purpose 'verify': email is the address the link proves (the sign-up address, or a new one the
-- member asked for, which becomes theirs only when verified); 'reset': email is where the mail
-- went, and the token works only while it is still the member's address.
CREATE TABLE email_tokens (
    token_hash   TEXT    PRIMARY KEY,               -- hex SHA-256 of the token in the link
    member_id    BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose      TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    email        TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,                  -- epoch milliseconds
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
CREATE INDEX email_tokens_by_member ON email_tokens (member_id, purpose);
CREATE INDEX subscribers_by_member ON subscribers (member_id);
