-- Search rows numbered in one rowid range per type: doc_id = type code × 2^40 +
-- sequence (codes as SEARCH_TYPE_CODES in services/search/search-index.ts), so a
-- search limited to one type adds `rowid between lo and hi`, which FTS5 answers
-- by seeking inside its doclists instead of joining every match to search_docs.
-- The triggers go while the rows move (each move would otherwise delete and
-- re-add its text in search_fts); the index is rebuilt once afterwards.
DROP TRIGGER `search_docs_ai`;--> statement-breakpoint
DROP TRIGGER `search_docs_ad`;--> statement-breakpoint
DROP TRIGGER `search_docs_au`;--> statement-breakpoint
-- Only persons, institutions and documents were ever indexed before; any other
-- type goes to the spare code 255, which cannot collide with the old small ids.
UPDATE `search_docs` SET `doc_id` = `renumbered`.`new_id`
FROM (
	SELECT `doc_id` AS `old_id`,
		(CASE `entity_type`
			WHEN 'person' THEN 1 WHEN 'institution' THEN 2 WHEN 'document' THEN 3 WHEN 'note' THEN 4
			WHEN 'mail' THEN 5 WHEN 'event' THEN 6 WHEN 'task' THEN 7 ELSE 255 END) * 1099511627776
			+ row_number() OVER (PARTITION BY `entity_type` ORDER BY `doc_id`) AS `new_id`
	FROM `search_docs`
) AS `renumbered`
WHERE `search_docs`.`doc_id` = `renumbered`.`old_id`;--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
END;--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.doc_id, old.title, old.body);
END;--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.doc_id, old.title, old.body);
	INSERT INTO search_fts(rowid, title, body) VALUES (new.doc_id, new.title, new.body);
END;--> statement-breakpoint
INSERT INTO `search_fts`(`search_fts`) VALUES ('rebuild');--> statement-breakpoint
-- The filters global search applies to its candidates, without reading the
-- big rows (owner and date sit after the body, often in overflow pages).
CREATE INDEX `search_docs_filters` ON `search_docs` (`doc_id`, `deleted`, `owner_id`, `dated_at`);
