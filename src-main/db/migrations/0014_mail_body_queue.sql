CREATE TABLE `mail_body_queue` (
	`message_id` text PRIMARY KEY NOT NULL,
	`raw` blob NOT NULL,
	`queued_at` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `mail_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
