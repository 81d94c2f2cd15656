-- Search: what SQLite keeps in the FTS5 table articles_fts, PostgreSQL keeps here. One row per published article,
-- written by db/queries/search-index.ts only, from the same folded text (lib/vietnamese.ts foldVietnamese: no
-- diacritics, đ as d), so the same words match on both engines. Weights: title A, keywords B, sapo C, body D.
CREATE TABLE "article_search" (
	"article_id" integer PRIMARY KEY NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE,
	"document" tsvector NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "article_search_document_idx" ON "article_search" USING gin ("document");
--> statement-breakpoint
-- `article_keywords.category_id` and `.published_at` copy the article's category and, while it is published, its
-- publication date (as SQLite's migration 0006 does with triggers): keyword pages and related news then read only
-- the index on article_keywords.
CREATE FUNCTION "article_keywords_copy_article"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a."category_id", CASE WHEN a."status" = 'published' THEN a."published_at" END
    INTO NEW."category_id", NEW."published_at"
    FROM "articles" a WHERE a."id" = NEW."article_id";
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "article_keywords_copy_article" BEFORE INSERT OR UPDATE OF "article_id" ON "article_keywords"
  FOR EACH ROW EXECUTE FUNCTION "article_keywords_copy_article"();
--> statement-breakpoint
CREATE FUNCTION "article_keywords_copy_article_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "article_keywords" SET
    "category_id" = NEW."category_id",
    "published_at" = CASE WHEN NEW."status" = 'published' THEN NEW."published_at" END
  WHERE "article_id" = NEW."id";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "article_keywords_copy_article_update" AFTER UPDATE OF "category_id", "status", "published_at" ON "articles"
  FOR EACH ROW EXECUTE FUNCTION "article_keywords_copy_article_update"();
