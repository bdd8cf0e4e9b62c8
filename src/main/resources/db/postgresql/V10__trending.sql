-- Trending reads the papers first featured in a recent window (featured_at at or after a time):
-- without this index every trending page scanned the whole featured table.
CREATE INDEX featured_featured_at ON featured (featured_at);
