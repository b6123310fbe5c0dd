CREATE TABLE `calendar_members` (
	`calendar_id` text NOT NULL,
	`user_id` text NOT NULL,
	`can_book` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`calendar_id`, `user_id`),
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_members_by_user` ON `calendar_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `calendars` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`folded_name` text NOT NULL,
	`kind` text NOT NULL,
	`color` text NOT NULL,
	`owner_id` text NOT NULL,
	`visibility` text NOT NULL,
	`booking` text NOT NULL,
	`description` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`archived_at` text,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_by_folded_name` ON `calendars` (`folded_name`);--> statement-breakpoint
CREATE TABLE `event_attendees` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`card_id` text,
	`user_id` text,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`institution_name` text,
	`role_title` text,
	`code` text NOT NULL,
	`response` text DEFAULT 'needs_action' NOT NULL,
	`responded_at` text,
	`invited_at` text,
	`invited_via` text,
	`checked_in_at` text,
	`checked_in_by` text,
	`walk_in` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_attendees_by_code` ON `event_attendees` (`code`);--> statement-breakpoint
CREATE INDEX `event_attendees_by_event` ON `event_attendees` (`event_id`);--> statement-breakpoint
CREATE INDEX `event_attendees_by_card` ON `event_attendees` (`card_id`);--> statement-breakpoint
CREATE TABLE `event_cards` (
	`event_id` text NOT NULL,
	`card_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `card_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_cards_by_card` ON `event_cards` (`card_id`);--> statement-breakpoint
CREATE TABLE `event_documents` (
	`event_id` text NOT NULL,
	`document_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `document_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_documents_by_document` ON `event_documents` (`document_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`calendar_id` text NOT NULL,
	`title` text NOT NULL,
	`location` text,
	`description` text DEFAULT '' NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`rrule` text,
	`exdates` text,
	`series_ends_at` text,
	`parent_id` text,
	`recurrence_id` text,
	`uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`organizer_id` text,
	`remind_minutes` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organizer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_by_calendar_start` ON `events` (`calendar_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_by_series_end` ON `events` (`series_ends_at`);--> statement-breakpoint
CREATE INDEX `events_by_uid` ON `events` (`uid`);--> statement-breakpoint
CREATE INDEX `events_by_parent` ON `events` (`parent_id`);