CREATE TABLE `body_measurements` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`measured_on` text NOT NULL,
	`height_cm` integer,
	`weight_kg` integer,
	`shirt_size` text,
	`trouser_size` text,
	`jacket_size` text,
	`shoe_size` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `body_measurements_by_card` ON `body_measurements` (`card_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `card_tags` (
	`card_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`card_id`, `tag`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_tags_by_tag` ON `card_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `criteria_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`card_type` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `criteria_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`category_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`options` text,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`category_id`) REFERENCES `criteria_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `criteria_fields_by_category` ON `criteria_fields` (`category_id`,`position`);--> statement-breakpoint
CREATE TABLE `criteria_values` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`field_id` text NOT NULL,
	`value_text` text,
	`value_num` real,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `criteria_fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `criteria_values_by_card` ON `criteria_values` (`card_id`,`field_id`);--> statement-breakpoint
CREATE INDEX `criteria_values_by_text` ON `criteria_values` (`field_id`,`value_text`);--> statement-breakpoint
CREATE INDEX `criteria_values_by_num` ON `criteria_values` (`field_id`,`value_num`);--> statement-breakpoint
CREATE TABLE `duplicate_dismissals` (
	`first_id` text NOT NULL,
	`second_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	PRIMARY KEY(`first_id`, `second_id`),
	FOREIGN KEY (`first_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`second_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`card_type` text NOT NULL,
	`layout_key` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`card_type`, `layout_key`)
);
--> statement-breakpoint
CREATE TABLE `merges` (
	`id` text PRIMARY KEY NOT NULL,
	`survivor_id` text NOT NULL,
	`loser_id` text NOT NULL,
	`moved` text NOT NULL,
	`before` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`undone_at` text,
	`undone_by` text,
	FOREIGN KEY (`survivor_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loser_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `merges_by_survivor` ON `merges` (`survivor_id`);--> statement-breakpoint
CREATE INDEX `merges_by_loser` ON `merges` (`loser_id`);--> statement-breakpoint
CREATE TABLE `person_relatives` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`relative_id` text NOT NULL,
	`relation` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relative_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_relatives_not_self" CHECK("person_relatives"."person_id" <> "person_relatives"."relative_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_relatives_unique` ON `person_relatives` (`person_id`,`relative_id`);--> statement-breakpoint
CREATE INDEX `person_relatives_by_relative` ON `person_relatives` (`relative_id`);--> statement-breakpoint
CREATE TABLE `profile_items` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`list` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`detail` text,
	`year` integer,
	`start_date` text,
	`end_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `profile_items_by_card` ON `profile_items` (`card_id`,`list`,`position`);--> statement-breakpoint
CREATE INDEX `profile_items_by_name` ON `profile_items` (`list`,`name`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`card_type` text NOT NULL,
	`query` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`deleted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `cards` ADD `merged_into` text;--> statement-breakpoint
CREATE INDEX `cards_by_owner` ON `cards` (`owner_id`);