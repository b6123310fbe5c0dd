-- The HTML part is stored as received and sanitised when a mail is read (services/mail/read/mail-html.ts).
-- Rows stored before hold sanitised HTML: a fine source, sanitising it again gives the same result.
ALTER TABLE `mail_messages` RENAME COLUMN `body_html` TO `body_html_source`;--> statement-breakpoint
-- Whether remote content was held back now comes from the read-time sanitiser's result.
ALTER TABLE `mail_messages` DROP COLUMN `has_remote_content`;
