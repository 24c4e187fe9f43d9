-- An SQL callback: Flyway runs it after every migrate, whether or not anything was applied.
INSERT INTO audit (id, event) SELECT COALESCE(MAX(id), 0) + 1, 'migrated' FROM audit;
