-- Vectors of two models side by side while a newly configured model embeds every paper (the old
-- one answers searches until then): counting and finding one model's vectors reads this index,
-- not every row of both models (the primary key leads with the paper).
CREATE INDEX paper_vectors_by_model ON paper_vectors (model, paper_id);
