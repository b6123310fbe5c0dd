CREATE TABLE `note_cards` (
	`note_id` text NOT NULL,
	`card_id` text NOT NULL,
	PRIMARY KEY(`note_id`, `card_id`),
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_cards_by_card` ON `note_cards` (`card_id`);--> statement-breakpoint
CREATE TABLE `note_documents` (
	`note_id` text NOT NULL,
	`document_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	PRIMARY KEY(`note_id`, `document_id`),
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_documents_by_document` ON `note_documents` (`document_id`);--> statement-breakpoint
CREATE TABLE `note_reasons` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`folded_name` text NOT NULL,
	`position` integer NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_reasons_by_folded_name` ON `note_reasons` (`folded_name`);--> statement-breakpoint
CREATE TABLE `note_staff` (
	`note_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`note_id`, `user_id`),
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_staff_by_user` ON `note_staff` (`user_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`happened_at` text NOT NULL,
	`duration_minutes` integer,
	`reason_id` text,
	`channel` text NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`complaint_status` text,
	`complaint_responsible_id` text,
	`complaint_resolution` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`reason_id`) REFERENCES `note_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_by_happened_at` ON `notes` (`happened_at`);--> statement-breakpoint
CREATE INDEX `notes_by_complaint_status` ON `notes` (`kind`,`complaint_status`);--> statement-breakpoint
-- Default meeting reasons (folded_name as foldForSearch writes it); admins rename, archive or add more.
INSERT INTO `note_reasons` (`id`, `name`, `folded_name`, `position`, `created_at`, `updated_at`) VALUES
	('019b76da-a800-7000-8000-000000000001', 'Tanışma', 'tanisma', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000002', 'Satış görüşmesi', 'satis gorusmesi', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000003', 'Teklif', 'teklif', 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000004', 'Tahsilat', 'tahsilat', 4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000005', 'Destek/Arıza', 'destek/ariza', 5, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000006', 'Şikayet', 'sikayet', 6, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000007', 'Ziyaret', 'ziyaret', 7, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
	('019b76da-a800-7000-8000-000000000008', 'Diğer', 'diger', 8, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
