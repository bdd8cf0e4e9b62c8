-- The community: submissions to the daily list, members' upvotes, discussion, reports and the
-- moderation audit log. Members are accounts' (V6, whose status also says who is banned); rows
-- here name them by id. Instants are epoch milliseconds, days ISO text, as in the rest of the store.

-- Members' upvotes and visible comments, kept on the paper beside the counts imported from Hugging
-- Face (upvotes, num_comments), which stay the base they add to. Written in the transaction that
-- adds or removes the vote or comment, with a change number, so lists, cached pages and the search
-- index see the new total.
ALTER TABLE papers ADD COLUMN member_upvotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN member_comments INTEGER NOT NULL DEFAULT 0;

-- A member put the paper on the list of day (UTC). Each paper is submitted once, ever.
CREATE TABLE submissions (
    paper_id      TEXT    PRIMARY KEY REFERENCES papers (id),
    member_id     BIGINT  NOT NULL,
    day           TEXT    NOT NULL,   -- ISO date (UTC) of the list it went on
    submitted_at  BIGINT  NOT NULL
);
CREATE INDEX submissions_member_day ON submissions (member_id, day);

-- One upvote per member and paper: the primary key holds under concurrent requests.
CREATE TABLE upvotes (
    member_id   BIGINT  NOT NULL,
    paper_id    TEXT    NOT NULL REFERENCES papers (id),
    upvoted_at  BIGINT  NOT NULL,
    PRIMARY KEY (member_id, paper_id)
);
CREATE INDEX upvotes_paper ON upvotes (paper_id);

-- Comments on a paper; a reply names its parent, which is never itself a reply (one level deep).
-- body is the member's Markdown, html what it renders to after the allow-list sanitiser.
CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    paper_id    TEXT    NOT NULL REFERENCES papers (id),
    member_id   BIGINT  NOT NULL,
    parent_id   BIGINT  REFERENCES comments (id),
    body        TEXT    NOT NULL,
    html        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    edited_at   BIGINT,
    state       TEXT    NOT NULL      -- visible, hidden (by a moderator), deleted (by its author)
);
CREATE INDEX comments_paper ON comments (paper_id, created_at);

-- A member's report of a comment to the moderators; one per member and comment.
CREATE TABLE comment_reports (
    comment_id   BIGINT  NOT NULL REFERENCES comments (id),
    member_id    BIGINT  NOT NULL,
    reason       TEXT    NOT NULL,
    reported_at  BIGINT  NOT NULL,
    PRIMARY KEY (comment_id, member_id)
);

-- Every moderation action: who, what, on what, when and why. Only ever appended to.
CREATE TABLE moderation_log (
    id            INTEGER PRIMARY KEY,
    moderator_id  BIGINT  NOT NULL,
    action        TEXT    NOT NULL,   -- hide, restore, ban, unban, remove-submission
    target        TEXT    NOT NULL,   -- comment:12, member:3, paper:2608.19880
    reason        TEXT    NOT NULL,
    at            BIGINT  NOT NULL
);
CREATE INDEX moderation_log_at ON moderation_log (at);
