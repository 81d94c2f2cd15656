-- `article_keywords.category_id` and `.published_at` (migration 0005) copy the article's category and, while it is
-- published, its publication date: keyword pages then walk the index (keyword_id, published_at, ...) newest first
-- and related news counts shared keywords without reading a single article row (docs/decisions/0008).
-- The triggers below keep them right whoever writes articles or links (importer, generator, tests, a manual UPDATE).
UPDATE `article_keywords` SET
  `category_id` = (SELECT `articles`.`category_id` FROM `articles` WHERE `articles`.`id` = `article_keywords`.`article_id`),
  `published_at` = (SELECT CASE WHEN `articles`.`status` = 'published' THEN `articles`.`published_at` END FROM `articles` WHERE `articles`.`id` = `article_keywords`.`article_id`);
--> statement-breakpoint
-- A writer may give the copies (the generator does, to save an UPDATE a row) or leave them out: wrong or missing
-- ones are put right.
CREATE TRIGGER `article_keywords_copy_article` AFTER INSERT ON `article_keywords`
WHEN NEW.`category_id` IS NOT (SELECT `articles`.`category_id` FROM `articles` WHERE `articles`.`id` = NEW.`article_id`)
  OR NEW.`published_at` IS NOT (SELECT CASE WHEN `articles`.`status` = 'published' THEN `articles`.`published_at` END FROM `articles` WHERE `articles`.`id` = NEW.`article_id`)
BEGIN
  UPDATE `article_keywords` SET
    `category_id` = (SELECT `articles`.`category_id` FROM `articles` WHERE `articles`.`id` = NEW.`article_id`),
    `published_at` = (SELECT CASE WHEN `articles`.`status` = 'published' THEN `articles`.`published_at` END FROM `articles` WHERE `articles`.`id` = NEW.`article_id`)
  WHERE `article_id` = NEW.`article_id` AND `keyword_id` = NEW.`keyword_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `article_keywords_copy_article_update` AFTER UPDATE OF `category_id`, `status`, `published_at` ON `articles` BEGIN
  UPDATE `article_keywords` SET
    `category_id` = NEW.`category_id`,
    `published_at` = CASE WHEN NEW.`status` = 'published' THEN NEW.`published_at` END
  WHERE `article_id` = NEW.`id`;
END;
