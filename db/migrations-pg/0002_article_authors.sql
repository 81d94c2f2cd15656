CREATE TABLE "article_authors" (
	"article_id" integer NOT NULL,
	"author_slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "article_authors_article_id_author_slug_pk" PRIMARY KEY("article_id","author_slug")
);
--> statement-breakpoint
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_authors_author_published_idx" ON "article_authors" USING btree ("author_slug","published_at","article_id");
--> statement-breakpoint
-- Existing bylines, each copied whole under the empty slug (published_at null: never listed or served). Splitting
-- them into authors needs lib/authors.ts (Vietnamese folding): prepareDatabase does it right after migrating,
-- ensureAuthorIndex in db/queries/author-writes.ts (docs/decisions/0021-author-pages.md). As SQLite's migration 0009.
INSERT INTO "article_authors" ("article_id", "author_slug", "name", "position")
  SELECT "id", '', "byline", 0 FROM "articles" WHERE "byline" IS NOT NULL AND btrim("byline") <> '';
--> statement-breakpoint
-- `published_at` copies the article's publication date while it is published, null otherwise (as SQLite's
-- migration 0009 does with triggers, and migration 0001 for keyword links).
CREATE FUNCTION "article_authors_copy_article"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."author_slug" <> '' THEN
    SELECT CASE WHEN a."status" = 'published' THEN a."published_at" END
      INTO NEW."published_at"
      FROM "articles" a WHERE a."id" = NEW."article_id";
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "article_authors_copy_article" BEFORE INSERT OR UPDATE OF "article_id" ON "article_authors"
  FOR EACH ROW EXECUTE FUNCTION "article_authors_copy_article"();
--> statement-breakpoint
CREATE FUNCTION "article_authors_copy_article_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "article_authors" SET "published_at" = CASE WHEN NEW."status" = 'published' THEN NEW."published_at" END
  WHERE "article_id" = NEW."id" AND "author_slug" <> '';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "article_authors_copy_article_update" AFTER UPDATE OF "status", "published_at" ON "articles"
  FOR EACH ROW EXECUTE FUNCTION "article_authors_copy_article_update"();
