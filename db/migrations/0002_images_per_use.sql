DROP INDEX `images_file_unique`;--> statement-breakpoint
CREATE INDEX `images_file_idx` ON `images` (`file`);