import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StoredBlock } from '@/lib/content-schema';
import { STAFF_ROLES } from '../../lib/staff-roles';

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
    // The newsroom (docs/decisions/0029-article-editor.md, migration 0013): every save adds one to `version`, and a
    // save based on another version is refused (409); who made the article and who saved it last (staff user ids,
    // null for imported articles); when it was first published (null until then: the slug may change until it is set);
    // the title folded (lib/vietnamese.ts) for the newsroom's title search.
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    firstPublishedAt: integer('first_published_at', { mode: 'timestamp' }),
    titleFolded: text('title_folded').notNull().default(''),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_category_status_published_idx').on(t.categoryId, t.status, t.publishedAt),
    // The newsroom's article list: newest change first, all, one creator's, one status's or one category's.
    index('articles_updated_idx').on(t.updatedAt, t.id),
    index('articles_created_by_updated_idx').on(t.createdBy, t.updatedAt),
    index('articles_status_updated_idx').on(t.status, t.updatedAt),
    index('articles_category_updated_idx').on(t.categoryId, t.updatedAt),
    // Its title search (LIKE '%…%' on the folded title, which no index can seek): a scan of this index, which
    // also holds every column the list filters on, reads a few MB instead of every article row with its body
    // (100,000 articles: ~25 ms instead of ~150; docs/benchmarks.md). PostgreSQL keeps bodies out of line (TOAST),
    // so its table scan is already short and it has no such index.
    index('articles_title_folded_idx').on(t.titleFolded, t.status, t.categoryId, t.createdBy, t.updatedAt),
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
 * made by another process (the import command) reaches every cache within a quarter of a second (config/cache-sync.mjs).
 */
export const cacheInvalidations = sqliteTable('cache_invalidations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
});

// The newsroom's accounts, sessions and audit log (docs/decisions/0024-newsroom-accounts.md; migration 0010). Users, sessions,
// accounts and verifications are the four tables better-auth reads and writes (through its Drizzle adapter, with
// these names: db/auth.ts maps them); their columns are better-auth's own plus the newsroom's (role, lock
// state...), which better-auth knows as additional fields.

// Milliseconds: session expiry and lockout times are compared to the millisecond.
const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    // Lower case, [a-z0-9_.], 3-30 characters (lib/staff-password.ts normalizeUsername).
    username: text('username').notNull(),
    // The person's full name, shown in the newsroom ("Họ tên").
    name: text('name').notNull(),
    // better-auth's core user has an e-mail; newsroom accounts sign in by username and have none.
    email: text('email'),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    image: text('image'),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    // Set by a one-time password (staff:create without --password-stdin): the next sign-in must change it.
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    // Failed sign-ins since `failed_since` (a 15-minute window); the fifth locks the account until `locked_until`.
    failedAttempts: integer('failed_attempts').notNull().default(0),
    failedSince: at('failed_since'),
    lockedUntil: at('locked_until'),
    lastSignInAt: at('last_sign_in_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_users_username_unique').on(t.username)],
);

// The categories (chuyên mục) a phóng viên or biên tập viên works in.
export const staffUserCategories = sqliteTable(
  'staff_user_categories',
  {
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] })],
);

// One row per signed-in browser; the cookie holds the token (signed). Deleting a row signs that browser out.
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    expiresAt: at('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_sessions_token_unique').on(t.token), index('staff_sessions_user_idx').on(t.userId)],
);

// better-auth keeps the password hash (argon2id, lib/staff-password.ts) in the 'credential' account of a user.
export const staffAccounts = sqliteTable(
  'staff_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: at('access_token_expires_at'),
    refreshTokenExpiresAt: at('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('staff_accounts_user_idx').on(t.userId)],
);

// better-auth's one-time values (none used by sign-in today; two-factor sign-in will).
export const staffVerifications = sqliteTable(
  'staff_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('staff_verifications_identifier_idx').on(t.identifier)],
);

// Two-factor sign-in (docs/decisions/0026-two-factor.md; migration 0011). One row per user who started enrolling:
// the TOTP secret sealed with a key derived from NEWSROOM_SECRET (lib/secret-box.ts), the last time step accepted
// (a code of that step or an earlier one is refused), and when it was turned on (null while enrolment is pending).
export const staffTwoFactor = sqliteTable('staff_two_factor', {
  userId: text('user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  lastTimeStep: integer('last_time_step'),
  enabledAt: at('enabled_at'),
  createdAt: at('created_at').notNull(),
});

// Ten backup codes per user, as SHA-256 hashes; `used_at` is set once, by an UPDATE that only a code still unused
// matches, so a code works exactly once even when two requests bring it at the same moment.
export const staffBackupCodes = sqliteTable(
  'staff_backup_codes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

// The sessions that have given their second factor (a row per better-auth session, gone with it). A session of a
// user with two-factor sign-in and no row here is pending: it may only reach the code page (db/newsroom-access.ts).
export const staffSessionFactors = sqliteTable('staff_session_factors', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => staffSessions.id, { onDelete: 'cascade' }),
  verifiedAt: at('verified_at').notNull(),
});

/**
 * Append-only: triggers of migration 0010 refuse every UPDATE and DELETE (db/queries/audit.contract.test.ts).
 * Who did what, when, from which address. `actor` is the acting user's username, or `cli` for the staff:*
 * commands; `subject` the account acted on. No foreign keys: rows outlive the accounts they name.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: at('at').notNull(),
    action: text('action').notNull(),
    actor: text('actor'),
    subject: text('subject'),
    address: text('address'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_subject_idx').on(t.subject, t.at)],
);

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
