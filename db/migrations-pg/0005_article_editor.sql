ALTER TABLE "articles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "first_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "title_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_updated_idx" ON "articles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_created_by_updated_idx" ON "articles" USING btree ("created_by","updated_at");--> statement-breakpoint
CREATE INDEX "articles_status_updated_idx" ON "articles" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "articles_category_updated_idx" ON "articles" USING btree ("category_id","updated_at");--> statement-breakpoint
UPDATE articles SET first_published_at = published_at WHERE status = 'published';