CREATE TABLE `mail_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email_address` text NOT NULL,
	`display_name` text,
	`imap_host` text NOT NULL,
	`imap_port` integer NOT NULL,
	`imap_security` text NOT NULL,
	`smtp_host` text NOT NULL,
	`smtp_port` integer NOT NULL,
	`smtp_security` text NOT NULL,
	`username` text NOT NULL,
	`secret_sealed` text NOT NULL,
	`secret_scheme` text NOT NULL,
	`inbox_folder` text DEFAULT 'INBOX' NOT NULL,
	`sent_folder` text DEFAULT 'Sent' NOT NULL,
	`sync_window_days` integer DEFAULT 365 NOT NULL,
	`rate_per_minute` integer DEFAULT 60 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'idle' NOT NULL,
	`status_detail` text,
	`last_sync_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_accounts_by_address` ON `mail_accounts` (`email_address`);--> statement-breakpoint
CREATE TABLE `mail_attachments` (
	`message_id` text NOT NULL,
	`position` integer NOT NULL,
	`document_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text,
	`size` integer NOT NULL,
	`content_id` text,
	PRIMARY KEY(`message_id`, `position`),
	FOREIGN KEY (`message_id`) REFERENCES `mail_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mail_attachments_by_document` ON `mail_attachments` (`document_id`);--> statement-breakpoint
CREATE TABLE `mail_folders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`path` text NOT NULL,
	`role` text NOT NULL,
	`uid_validity` text,
	`last_uid` integer DEFAULT 0 NOT NULL,
	`backfill_top_uid` integer,
	`backfill_next_below` integer,
	`backfill_done` integer DEFAULT false NOT NULL,
	`highest_modseq` text,
	`window_start` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `mail_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_folders_by_account_path` ON `mail_folders` (`account_id`,`path`);--> statement-breakpoint
CREATE TABLE `mail_message_cards` (
	`message_id` text NOT NULL,
	`card_id` text NOT NULL,
	`link_kind` text NOT NULL,
	`address` text,
	PRIMARY KEY(`message_id`, `card_id`),
	FOREIGN KEY (`message_id`) REFERENCES `mail_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mail_message_cards_by_card` ON `mail_message_cards` (`card_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `mail_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`folder_id` text,
	`uid_validity` text,
	`uid` integer,
	`direction` text NOT NULL,
	`content_key` text NOT NULL,
	`message_id_header` text,
	`in_reply_to` text,
	`references_json` text,
	`thread_id` text,
	`subject` text DEFAULT '' NOT NULL,
	`from_address` text,
	`from_name` text,
	`to_json` text DEFAULT '[]' NOT NULL,
	`cc_json` text DEFAULT '[]' NOT NULL,
	`sent_at` text,
	`received_at` text NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`body_html` text,
	`has_remote_content` integer DEFAULT false NOT NULL,
	`snippet` text DEFAULT '' NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`header_block` text,
	`parse_problems` text,
	`bounce_of` text,
	`seen_on_server` integer DEFAULT false NOT NULL,
	`filed` text DEFAULT 'unfiled' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `mail_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`folder_id`) REFERENCES `mail_folders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_messages_by_uid` ON `mail_messages` (`account_id`,`folder_id`,`uid_validity`,`uid`);--> statement-breakpoint
CREATE INDEX `mail_messages_by_content_key` ON `mail_messages` (`account_id`,`content_key`);--> statement-breakpoint
CREATE INDEX `mail_messages_by_message_id` ON `mail_messages` (`message_id_header`);--> statement-breakpoint
CREATE INDEX `mail_messages_by_thread` ON `mail_messages` (`thread_id`);--> statement-breakpoint
CREATE INDEX `mail_messages_by_filed` ON `mail_messages` (`filed`,`received_at`);--> statement-breakpoint
CREATE INDEX `mail_messages_by_received` ON `mail_messages` (`received_at`);--> statement-breakpoint
CREATE TABLE `mail_reads` (
	`message_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_at` text NOT NULL,
	PRIMARY KEY(`message_id`, `user_id`),
	FOREIGN KEY (`message_id`) REFERENCES `mail_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_reads_by_user` ON `mail_reads` (`user_id`);--> statement-breakpoint
CREATE TABLE `mail_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mailing_recipients` (
	`id` text PRIMARY KEY NOT NULL,
	`mailing_id` text NOT NULL,
	`position` integer NOT NULL,
	`card_id` text,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`salutation` text DEFAULT '' NOT NULL,
	`reference_no` text NOT NULL,
	`message_id_header` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`sent_at` text,
	`mail_message_id` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mail_message_id`) REFERENCES `mail_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailing_recipients_by_reference` ON `mailing_recipients` (`reference_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `mailing_recipients_by_message_id` ON `mailing_recipients` (`message_id_header`);--> statement-breakpoint
CREATE UNIQUE INDEX `mailing_recipients_by_address` ON `mailing_recipients` (`mailing_id`,`address`);--> statement-breakpoint
CREATE INDEX `mailing_recipients_by_status` ON `mailing_recipients` (`mailing_id`,`status`,`position`);--> statement-breakpoint
CREATE INDEX `mailing_recipients_by_card` ON `mailing_recipients` (`card_id`);--> statement-breakpoint
CREATE TABLE `mailings` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`account_id` text,
	`sms_account_id` text,
	`segment_id` text,
	`segment_name` text,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`document_ids_json` text DEFAULT '[]' NOT NULL,
	`list_others` integer DEFAULT false NOT NULL,
	`in_reply_to` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`started_at` text,
	`finished_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`account_id`) REFERENCES `mail_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sms_account_id`) REFERENCES `sms_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mailings_by_status` ON `mailings` (`status`);--> statement-breakpoint
CREATE INDEX `mailings_by_created` ON `mailings` (`created_at`);--> statement-breakpoint
CREATE TABLE `sms_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`api_url` text NOT NULL,
	`username` text NOT NULL,
	`secret_sealed` text NOT NULL,
	`secret_scheme` text NOT NULL,
	`sender` text NOT NULL,
	`rate_per_minute` integer DEFAULT 60 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `emails` ADD `bounced_at` text;--> statement-breakpoint
ALTER TABLE `emails` ADD `bounce_reason` text;