-- How a daily-papers site presented a paper (Paper.Showcase): kept from Hugging Face imports so the
-- API can serve them as Hugging Face does. Public facts about the paper; no user is stored here.
ALTER TABLE papers ADD COLUMN thumbnail TEXT;
ALTER TABLE papers ADD COLUMN media_urls TEXT NOT NULL DEFAULT '[]';  -- JSON array of URLs
ALTER TABLE papers ADD COLUMN organization TEXT;                     -- JSON {"_id","name","fullname","avatar"}
ALTER TABLE papers ADD COLUMN ai_summary_model TEXT;
