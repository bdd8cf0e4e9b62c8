-- Papers, the days they were featured, and the change counter the search index follows.
CREATE TABLE papers (
    id            TEXT    PRIMARY KEY,
    version       INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    authors       TEXT    NOT NULL,  -- JSON array of names
    categories    TEXT    NOT NULL,  -- space separated, primary first
    published_at  BIGINT,            -- epoch milliseconds of the first version
    updated_at    BIGINT,
    doi           TEXT,
    journal_ref   TEXT,
    comments      TEXT,
    license       TEXT,
    github_repo   TEXT,
    github_stars  INTEGER,
    project_page  TEXT,
    ai_summary    TEXT,
    ai_keywords   TEXT    NOT NULL,  -- JSON array
    upvotes       INTEGER NOT NULL,
    num_comments  INTEGER NOT NULL,
    change_no     BIGINT  NOT NULL
);
CREATE INDEX papers_change_no ON papers (change_no);
CREATE INDEX papers_published ON papers ((COALESCE(published_at, 0)) DESC, id DESC);

CREATE TABLE featured (
    paper_id     TEXT   NOT NULL REFERENCES papers (id),
    day          TEXT   NOT NULL,    -- ISO date, sorts as text
    featured_at  BIGINT NOT NULL,    -- epoch milliseconds
    source       TEXT   NOT NULL,    -- import, submission, auto
    PRIMARY KEY (paper_id, day)
);
CREATE INDEX featured_day ON featured (day);

CREATE TABLE store_counters (
    name  TEXT   PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO store_counters (name, value) VALUES ('change_no', 0);
