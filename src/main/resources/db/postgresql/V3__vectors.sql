-- Semantic vectors of papers, one per paper and embedding model, so that a rebuilt index never
-- recomputes them and a model change is noticed (rows of other models are simply not read).
CREATE TABLE paper_vectors (
    paper_id   TEXT   NOT NULL REFERENCES papers (id),
    model      TEXT   NOT NULL,
    text_hash  BIGINT NOT NULL,   -- of the text that was embedded: a changed title or abstract is embedded again
    vector     BYTEA   NOT NULL,   -- float32 little-endian
    PRIMARY KEY (paper_id, model)
);
