-- Optimistic locking for editors: every update of a post bumps its version.
ALTER TABLE posts ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
