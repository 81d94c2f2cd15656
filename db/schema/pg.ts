import { sql } from 'drizzle-orm';
import { boolean, index, integer, json, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { StoredBlock } from '@/lib/content-schema';
import { STAFF_ROLES } from '../../lib/staff-roles';

// The PostgreSQL twin of db/schema/sqlite.ts: the same tables, columns, indexes and row types
// (db/schema/row-types.test.ts proves the row types equal), so one set of query functions serves both
// (docs/decisions/0015-postgresql.md). Migrations: db/migrations-pg (drizzle.pg.config.ts). Comments on what
// each table and index is for are in the SQLite file.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    description: text('description'),
  },
  (t) => [index('categories_position_idx').on(t.position)],
);

export const images = pgTable(
  'images',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    file: text('file').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull(),
    caption: text('caption'),
    credit: text('credit'),
  },
  (t) => [index('images_file_idx').on(t.file)],
);

export const articles = pgTable(
  'articles',
  {
    id: integer('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    sapo: text('sapo').notNull(),
    // json, not jsonb: the body comes back exactly as written (jsonb reorders keys).
    body: json('body').$type<StoredBlock[]>().notNull(),
    byline: text('byline'),
    leadImageId: integer('lead_image_id').references(() => images.id),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    publishedAt: at('published_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    // The newsroom (docs/decisions/0029-article-editor.md, migration 0013): every save adds one to `version`, and a
    // save based on another version is refused (409); who made the article and who saved it last (staff user ids,
    // null for imported articles); when it was first published (null until then: the slug may change until it is set);
    // the title folded (lib/vietnamese.ts) for the newsroom's title search.
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    firstPublishedAt: at('first_published_at'),
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
  ],
);

export const keywords = pgTable(
  'keywords',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('keywords_slug_unique').on(t.slug)],
);

export const articleKeywords = pgTable(
  'article_keywords',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    keywordId: integer('keyword_id')
      .notNull()
      .references(() => keywords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    // Kept right by the triggers of migration 0001 (as migration 0006 does for SQLite).
    categoryId: integer('category_id'),
    publishedAt: at('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.keywordId] }),
    index('article_keywords_keyword_published_idx').on(t.keywordId, t.publishedAt, t.articleId, t.categoryId),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorSlug: text('author_slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    // Kept right by the triggers of migration 0002 (as migration 0009 does for SQLite).
    publishedAt: at('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorSlug] }),
    index('article_authors_author_published_idx').on(t.authorSlug, t.publishedAt, t.articleId),
  ],
);

export const articleViews = pgTable(
  'article_views',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    views: integer('views').notNull().default(sql`0`),
  },
  (t) => [index('article_views_views_idx').on(t.views)],
);

export const cacheInvalidations = pgTable('cache_invalidations', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  tags: json('tags').$type<string[]>().notNull(),
  createdAt: at('created_at').notNull(),
});

// The newsroom (comments in the SQLite file).
export const staffUsers = pgTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    failedSince: at('failed_since'),
    lockedUntil: at('locked_until'),
    lastSignInAt: at('last_sign_in_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_users_username_unique').on(t.username)],
);

export const staffUserCategories = pgTable(
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

export const staffSessions = pgTable(
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

export const staffAccounts = pgTable(
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

export const staffVerifications = pgTable(
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

export const staffTwoFactor = pgTable('staff_two_factor', {
  userId: text('user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  lastTimeStep: integer('last_time_step'),
  enabledAt: at('enabled_at'),
  createdAt: at('created_at').notNull(),
});

export const staffBackupCodes = pgTable(
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

export const staffSessionFactors = pgTable('staff_session_factors', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => staffSessions.id, { onDelete: 'cascade' }),
  verifiedAt: at('verified_at').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: at('at').notNull(),
    action: text('action').notNull(),
    actor: text('actor'),
    subject: text('subject'),
    address: text('address'),
    detail: json('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_subject_idx').on(t.subject, t.at)],
);
