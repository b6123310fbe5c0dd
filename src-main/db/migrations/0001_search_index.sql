-- Full-text search over one folded text per searchable thing.
-- search_docs holds the folded title and body (folded in JS by foldForSearch:
-- SQLite cannot fold Turkish ı), keyed by the entity so that a write can
-- replace its row through an index; search_fts is an external-content FTS5
-- index over it, kept in step by the triggers below, inside the same
-- transaction as the write that changed the entity. `deleted` mirrors the
-- entity's recycle-bin state so global search can leave it out without a join.
CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_by_entity` ON `search_docs` (`entity_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, body,
	content='search_docs', content_rowid='doc_id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.doc_id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.doc_id, old.title, old.body);
	INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
END;
