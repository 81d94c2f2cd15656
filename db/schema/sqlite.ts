import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StoredBlock } from '@/lib/content-schema';

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    description: text('description'),
  },
  // The menu order (position, then id): read in index order, never sorted.
  (t) => [index('categories_position_idx').on(t.position)],
);

export const images = sqliteTable(
  'images',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    file: text('file').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull(),
    caption: text('caption'),
    credit: text('credit'),
  },
  // One row per photo *as used*: the same file may appear in several articles with its own alt text and
  // caption, so rows are shared only when file and texts are all the same.
  (t) => [index('images_file_idx').on(t.file)],
);

export const articles = sqliteTable(
  'articles',
  {
    // Set on import so that ids from the old site (and every shared link) stay valid.
    id: integer('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    sapo: text('sapo').notNull(),
    body: text('body', { mode: 'json' }).$type<StoredBlock[]>().notNull(),
    byline: text('byline'),
    leadImageId: integer('lead_image_id').references(() => images.id),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_category_status_published_idx').on(t.categoryId, t.status, t.publishedAt),
  ],
);

export const keywords = sqliteTable(
  'keywords',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('keywords_slug_unique').on(t.slug)],
);

export const articleKeywords = sqliteTable(
  'article_keywords',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    keywordId: integer('keyword_id')
      .notNull()
      .references(() => keywords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    // Copies of the article's columns, kept right by the triggers of migration 0006 whoever writes articles or
    // links, so that keyword pages and related news are answered from the index below without reading article
    // rows (docs/decisions/0008). `publishedAt` is null while the article is not published.
    categoryId: integer('category_id'),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.keywordId] }),
    // A keyword's published articles newest first (keyword pages), and the category of each (related news).
    index('article_keywords_keyword_published_idx').on(t.keywordId, t.publishedAt, t.articleId, t.categoryId),
  ],
);

// The authors of each article's byline (lib/authors.ts splits it), one row per author slug, written with the article
// by saveArticle (db/queries/author-writes.ts), so that author pages and the sitemap read an index instead of every
// byline. `publishedAt` copies the article's publication date while it is published (null otherwise), kept right by
// the triggers of migration 0009 as migration 0006 does for keyword links (docs/decisions/0021-author-pages.md).
export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorSlug: text('author_slug').notNull(),
    /** The name as this article's byline spells it. */
    name: text('name').notNull(),
    /** The author's place in the byline, from 0. */
    position: integer('position').notNull().default(0),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorSlug] }),
    // An author's published articles newest first (author pages), and each author's newest (sitemap).
    index('article_authors_author_published_idx').on(t.authorSlug, t.publishedAt, t.articleId),
  ],
);

// Kept apart from the article row so that counting a view never rewrites the article.
export const articleViews = sqliteTable(
  'article_views',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    views: integer('views').notNull().default(sql`0`),
  },
  // "Most read" of all time walks this index from the top.
  (t) => [index('article_views_views_idx').on(t.views)],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type NewArticleRow = typeof articles.$inferInsert;
export type ImageRow = typeof images.$inferSelect;
export type KeywordRow = typeof keywords.$inferSelect;

/**
 * What each content change expired, as cache tags, written in the same transaction as the change. Every
 * server process reads the rows it has not seen yet and expires those tags in its own cache, so a change
 * made by another process (the import command) reaches every cache within a second.
 */
export const cacheInvalidations = sqliteTable('cache_invalidations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
});
