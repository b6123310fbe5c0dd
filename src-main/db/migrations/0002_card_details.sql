CREATE TABLE `ibans` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`position` integer NOT NULL,
	`iban` text NOT NULL,
	`bank_name` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ibans_by_card` ON `ibans` (`card_id`,`position`);--> statement-breakpoint
CREATE TABLE `institution_domains` (
	`card_id` text NOT NULL,
	`domain` text NOT NULL,
	PRIMARY KEY(`card_id`, `domain`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institution_domains_by_domain` ON `institution_domains` (`domain`);--> statement-breakpoint
ALTER TABLE `affiliations` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `affiliations` ADD `end_date` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `tax_office` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `vkn` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `trade_registry_no` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `source` text;--> statement-breakpoint
CREATE INDEX `institutions_by_vkn` ON `institutions` (`vkn`);--> statement-breakpoint
ALTER TABLE `persons` ADD `gender` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `birth_date` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `tckn` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `source` text;--> statement-breakpoint
CREATE INDEX `persons_by_tckn` ON `persons` (`tckn`);