-- Email digests (issue 11): subscribers and their topics, confirmation tokens, editions, and the
-- outbox that sends each edition to each subscriber exactly once (docs/MAIL.md, Digests).

-- One row per address. email is normalised (trimmed, lower case). member_id ties a subscription to
-- an account once accounts exist (no foreign key yet: the accounts table arrives in another migration).
CREATE TABLE subscribers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: manage links name it
    email         TEXT    NOT NULL UNIQUE,
    frequency     TEXT    NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    state         TEXT    NOT NULL CHECK (state IN ('pending', 'confirmed', 'unsubscribed', 'bouncing')),
    bounces       INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,                    -- epoch milliseconds
    confirmed_at  BIGINT,
    member_id     BIGINT
);
CREATE INDEX subscribers_state ON subscribers (state, frequency, id);

-- A saved search (the search box's syntax, cat: included) whose new papers a subscriber's digest adds.
CREATE TABLE topics (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id  BIGINT  NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    query          TEXT    NOT NULL,
    UNIQUE (subscriber_id, query)
);

-- Double opt-in: only the SHA-256 of the token is kept; a token works once, until expires_at.
CREATE TABLE confirmation_tokens (
    token_hash     TEXT    PRIMARY KEY,               -- hex SHA-256 of the token sent by mail
    subscriber_id  BIGINT  NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    expires_at     BIGINT  NOT NULL,
    used_at        BIGINT
);

-- The secrets the site signs with (the manage links' HMAC key), made once per store.
CREATE TABLE digest_secrets (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL                               -- base64
);

-- One edition per (date, kind): the day it is sent for and the featured days it covers.
CREATE TABLE editions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    day          TEXT    NOT NULL,                     -- ISO date the edition is for (sent that day)
    kind         TEXT    NOT NULL CHECK (kind IN ('daily', 'weekly')),
    period_from  TEXT    NOT NULL,                     -- ISO dates, inclusive
    period_to    TEXT    NOT NULL,
    featured     TEXT    NOT NULL,                     -- space-separated paper ids, in the edition's order
    state        TEXT    NOT NULL CHECK (state IN ('empty', 'queued', 'done')),
    created_at   BIGINT  NOT NULL,
    UNIQUE (day, kind)
);

-- One row per (edition, subscriber), all written with the edition in one transaction. A sender
-- claims a row (state sending, with a lease), sends, and marks it; message_id is made from the key,
-- so a resend of a mail in doubt is the same mail.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id       BIGINT  NOT NULL REFERENCES editions (id),
    subscriber_id    BIGINT  NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    outbox_key       TEXT    NOT NULL UNIQUE,          -- digest/DAY/KIND/SUBSCRIBER
    message_id       TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'in_doubt', 'skipped')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    claimed_by       TEXT,
    claimed_until    BIGINT,
    last_error       TEXT,
    sent_at          BIGINT,
    UNIQUE (subscriber_id, edition_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
