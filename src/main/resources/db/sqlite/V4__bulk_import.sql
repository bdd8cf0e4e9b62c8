-- Where each bulk import of an arXiv snapshot file stands. Written in the same transaction as the
-- batch of papers it follows, so an import interrupted at any point resumes right after the last
-- stored batch, and a finished file is passed over when imported again unchanged.
CREATE TABLE import_checkpoints (
    file_path      TEXT    PRIMARY KEY,  -- absolute path of the imported file
    file_size      BIGINT  NOT NULL,     -- bytes on disk; with file_modified, tells the same file
    file_modified  BIGINT  NOT NULL,     -- epoch milliseconds
    line_no        BIGINT  NOT NULL,     -- lines read and stored so far
    byte_offset    BIGINT  NOT NULL,     -- where line line_no + 1 starts in the (decompressed) text
    complete       INTEGER NOT NULL,     -- 1 when the whole file is in
    updated_at     BIGINT  NOT NULL      -- epoch milliseconds
);

-- The search index reads the store's changes in (change_no, id) order, a page at a time. With an
-- index on change_no alone, SQLite sorted each page's rows by id in a temporary B-tree that spilled
-- to disk: during a bulk import that was most of the index follower's CPU and file writes.
DROP INDEX papers_change_no;
CREATE INDEX papers_change_no ON papers (change_no, id);
