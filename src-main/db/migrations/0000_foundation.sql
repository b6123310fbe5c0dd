CREATE TABLE `addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`line` text,
	`district` text,
	`province` text,
	`postal_code` text,
	`country` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `addresses_by_card` ON `addresses` (`card_id`,`position`);--> statement-breakpoint
CREATE INDEX `addresses_by_province` ON `addresses` (`province`);--> statement-breakpoint
CREATE TABLE `affiliations` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`role` text,
	`department` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`institution_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `affiliations_unique_pair` ON `affiliations` (`person_id`,`institution_id`);--> statement-breakpoint
CREATE INDEX `affiliations_by_institution` ON `affiliations` (`institution_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_by_entity` ON `audit_log` (`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`display_name` text NOT NULL,
	`sort_key` text NOT NULL,
	`owner_id` text,
	`list_phone` text,
	`list_email` text,
	`list_province` text,
	`list_institutions` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cards_type_check" CHECK("cards"."type" in ('person', 'institution'))
);
--> statement-breakpoint
CREATE INDEX `cards_list_by_name` ON `cards` (`type`,`deleted_at`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `cards_list_by_created` ON `cards` (`type`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cards_list_by_updated` ON `cards` (`type`,`deleted_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `emails` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`address` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `emails_by_card` ON `emails` (`card_id`,`position`);--> statement-breakpoint
CREATE INDEX `emails_by_address` ON `emails` (`address`);--> statement-breakpoint
CREATE TABLE `institution_kinds` (
	`card_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`card_id`, `kind`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institution_kinds_by_kind` ON `institution_kinds` (`kind`);--> statement-breakpoint
CREATE TABLE `institution_relations` (
	`id` text PRIMARY KEY NOT NULL,
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`from_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "institution_relations_not_self" CHECK("institution_relations"."from_id" <> "institution_relations"."to_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institution_relations_unique` ON `institution_relations` (`from_id`,`to_id`,`kind`);--> statement-breakpoint
CREATE INDEX `institution_relations_by_to` ON `institution_relations` (`to_id`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`card_id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`short_name` text,
	`sector` text,
	`website` text,
	`notes` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`card_id` text PRIMARY KEY NOT NULL,
	`honorific` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`notes` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `phones` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`e164` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phones_by_card` ON `phones` (`card_id`,`position`);--> statement-breakpoint
CREATE INDEX `phones_by_e164` ON `phones` (`e164`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
