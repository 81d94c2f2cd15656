import { databaseDialect } from '@/env';
import { tablesFor } from '@/db/engine';

// The tables every query uses, for the engine this process talks to (DATABASE_URL), typed as the SQLite tables:
// the PostgreSQL ones have the same columns and row types (db/engine.ts says why that is safe).
const tables = tablesFor(databaseDialect());

export const { categories, images, articles, keywords, articleKeywords, articleAuthors, articleViews, cacheInvalidations } = tables;
export const { staffUsers, staffUserCategories, staffSessions, staffAccounts, staffVerifications, auditLog } = tables;
export const { staffTwoFactor, staffBackupCodes, staffSessionFactors } = tables;
export type { ArticleRow, CategoryRow, ImageRow, KeywordRow, NewArticleRow } from '@/db/schema/sqlite';
export type { AuditRow, StaffUserRow } from '@/db/schema/sqlite';
