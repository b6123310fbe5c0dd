CREATE TABLE `blob_texts` (
	`sha256` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`page_count` integer,
	`reason` text,
	`extractor` text,
	`extracted_at` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_tags` (
	`document_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`document_id`, `tag`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_tags_by_tag` ON `document_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `inbox_items` (
	`id` text PRIMARY KEY NOT NULL,
	`folder_id` text NOT NULL,
	`document_id` text NOT NULL,
	`file_path` text NOT NULL,
	`file_size` integer NOT NULL,
	`file_mtime_ms` integer NOT NULL,
	`suggested_card_id` text,
	`suggestion_reason` text,
	`state` text,
	`settled_at` text,
	`settled_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`folder_id`) REFERENCES `watched_folders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`suggested_card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbox_items_by_state` ON `inbox_items` (`state`);--> statement-breakpoint
CREATE INDEX `inbox_items_by_file` ON `inbox_items` (`file_path`,`file_size`,`file_mtime_ms`);--> statement-breakpoint
CREATE TABLE `text_extraction_attempts` (
	`sha256` text PRIMARY KEY NOT NULL,
	`attempts` integer NOT NULL,
	`last_started_at` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `watched_folders` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`label` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watched_folders_by_path` ON `watched_folders` (`path`);--> statement-breakpoint
-- Global search filters by owner and date without joining every entity's table:
-- cards carry their owner and creation date, documents who filed them and when.
ALTER TABLE `search_docs` ADD `owner_id` text;--> statement-breakpoint
ALTER TABLE `search_docs` ADD `dated_at` text;--> statement-breakpoint
UPDATE `search_docs` SET
	`owner_id` = (SELECT `owner_id` FROM `cards` WHERE `cards`.`id` = `search_docs`.`entity_id`),
	`dated_at` = (SELECT `created_at` FROM `cards` WHERE `cards`.`id` = `search_docs`.`entity_id`)
WHERE `entity_type` IN ('person', 'institution');
