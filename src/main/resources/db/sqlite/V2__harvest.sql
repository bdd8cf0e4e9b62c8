-- Harvesting from arXiv: where each OAI-PMH harvest stands, papers arXiv reports as deleted, and the
-- daily jobs a node has claimed (so that several nodes run each job once).

-- One row per (set, metadata prefix); set_spec '' means the whole archive. Written in the same
-- transaction as the page it follows, so a killed harvest resumes exactly after the last stored page.
CREATE TABLE harvest_checkpoints (
    set_spec          TEXT    NOT NULL,
    metadata_prefix   TEXT    NOT NULL,
    from_day          TEXT,              -- ISO date, inclusive; null = from the beginning
    until_day         TEXT,              -- ISO date, inclusive; null = up to now
    resumption_token  TEXT,              -- of the next page; null when the next request starts the window
    last_datestamp    TEXT,              -- newest record datestamp stored so far
    complete          INTEGER NOT NULL,  -- 1 when the window is done
    updated_at        BIGINT  NOT NULL,  -- epoch milliseconds
    PRIMARY KEY (set_spec, metadata_prefix)
);

-- arXiv (rarely) deletes records; the paper stays, marked with when arXiv said so.
ALTER TABLE papers ADD COLUMN withdrawn_at BIGINT;

-- A daily job's run, claimed by inserting this row: the node whose insert succeeds runs it.
CREATE TABLE job_runs (
    job         TEXT   NOT NULL,
    day         TEXT   NOT NULL,   -- ISO date (UTC) of the scheduled run
    node        TEXT   NOT NULL,
    claimed_at  BIGINT NOT NULL,   -- epoch milliseconds
    PRIMARY KEY (job, day)
);
