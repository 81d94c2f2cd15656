DROP INDEX `article_keywords_keyword_idx`;--> statement-breakpoint
ALTER TABLE `article_keywords` ADD `category_id` integer;--> statement-breakpoint
ALTER TABLE `article_keywords` ADD `published_at` integer;--> statement-breakpoint
CREATE INDEX `article_keywords_keyword_published_idx` ON `article_keywords` (`keyword_id`,`published_at`,`article_id`,`category_id`);--> statement-breakpoint
CREATE INDEX `categories_position_idx` ON `categories` (`position`);