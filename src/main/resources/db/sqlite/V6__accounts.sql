-- Accounts (package paperboy.account): members, their sessions and API tokens, and the site's own
-- secret for CSRF tokens. Secrets a visitor holds (session ids, API tokens) are stored only as
-- SHA-256 hashes, so a copy of the store lets nobody in.

-- A member. email_key is the address folded to lower case, unique, for log-in and sign-up; an
-- account deleted by its member keeps its row (so comments and submissions keep an author) with
-- name 'deleted member' (no name_key), no email and no password, status 'deleted'.
CREATE TABLE members (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL,
    name_key       TEXT    UNIQUE,    -- the name folded to lower case: names are public and unique
    email          TEXT,
    email_key      TEXT    UNIQUE,
    password_hash  TEXT,              -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    role           TEXT    NOT NULL,  -- member, moderator, admin
    status         TEXT    NOT NULL,  -- active, banned, disabled, deleted
    created_at     BIGINT  NOT NULL   -- epoch milliseconds
);

-- A logged-in browser. id_hash is the SHA-256 (hex) of the 256-bit id in its cookie.
CREATE TABLE sessions (
    id_hash        TEXT    PRIMARY KEY,
    member_id      BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at     BIGINT  NOT NULL,  -- the absolute limit counts from here
    last_seen_at   BIGINT  NOT NULL   -- the idle limit counts from here (refreshed at most once a minute)
);
CREATE INDEX sessions_by_member ON sessions (member_id);

-- A program's key to the API (Authorization: Bearer), shown once at creation.
CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id      BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    label          TEXT    NOT NULL,
    token_hash     TEXT    NOT NULL UNIQUE,
    created_at     BIGINT  NOT NULL,
    last_used_at   BIGINT             -- refreshed at most once a minute
);
CREATE INDEX api_tokens_by_member ON api_tokens (member_id);

-- Secrets the site makes for itself on first start and every node shares (name 'csrf': the HMAC key
-- of CSRF tokens, 32 random bytes in hex).
CREATE TABLE site_secrets (
    name           TEXT    PRIMARY KEY,
    secret         TEXT    NOT NULL
);
