CREATE TABLE `article_authors` (
	`article_id` integer NOT NULL,
	`author_slug` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`published_at` integer,
	PRIMARY KEY(`article_id`, `author_slug`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_authors_author_published_idx` ON `article_authors` (`author_slug`,`published_at`,`article_id`);
--> statement-breakpoint
-- Existing bylines, each copied whole under the empty slug (published_at null: never listed or served). Splitting
-- them into authors needs lib/authors.ts (Vietnamese folding, which SQL cannot do): the first process that opens the
-- database does it, ensureAuthorIndex in db/queries/author-writes.ts (docs/decisions/0021-author-pages.md).
INSERT INTO `article_authors` (`article_id`, `author_slug`, `name`, `position`)
  SELECT `id`, '', `byline`, 0 FROM `articles` WHERE `byline` IS NOT NULL AND trim(`byline`) <> '';
--> statement-breakpoint
-- `published_at` copies the article's publication date while it is published, null otherwise, whoever writes
-- articles or authors (as migration 0006 does for keyword links): author pages and the sitemap read only the index.
CREATE TRIGGER `article_authors_copy_article` AFTER INSERT ON `article_authors`
WHEN NEW.`author_slug` <> ''
  AND NEW.`published_at` IS NOT (SELECT CASE WHEN `articles`.`status` = 'published' THEN `articles`.`published_at` END FROM `articles` WHERE `articles`.`id` = NEW.`article_id`)
BEGIN
  UPDATE `article_authors` SET
    `published_at` = (SELECT CASE WHEN `articles`.`status` = 'published' THEN `articles`.`published_at` END FROM `articles` WHERE `articles`.`id` = NEW.`article_id`)
  WHERE `article_id` = NEW.`article_id` AND `author_slug` = NEW.`author_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_copy_article_update` AFTER UPDATE OF `status`, `published_at` ON `articles` BEGIN
  UPDATE `article_authors` SET `published_at` = CASE WHEN NEW.`status` = 'published' THEN NEW.`published_at` END
  WHERE `article_id` = NEW.`id` AND `author_slug` <> '';
END;
