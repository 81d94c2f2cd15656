ALTER TABLE `articles` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `first_published_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `title_folded` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_updated_idx` ON `articles` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_created_by_updated_idx` ON `articles` (`created_by`,`updated_at`);--> statement-breakpoint
CREATE INDEX `articles_status_updated_idx` ON `articles` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `articles_category_updated_idx` ON `articles` (`category_id`,`updated_at`);--> statement-breakpoint
UPDATE articles SET first_published_at = published_at WHERE status = 'published';