import { databaseDialect } from '@/env';
import * as pg from '@/db/schema/pg';
import * as sqlite from '@/db/schema/sqlite';

// The tables every query uses, for the engine this process talks to (DATABASE_URL). They are typed as the
// SQLite tables: the PostgreSQL ones have the same columns and row types (db/schema/row-types.test.ts), and
// Drizzle builds each dialect's SQL from the table it is given (docs/decisions/0015-postgresql.md).
const tables = (databaseDialect() === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const { categories, images, articles, keywords, articleKeywords, articleViews, cacheInvalidations } = tables;
export type { ArticleRow, CategoryRow, ImageRow, KeywordRow, NewArticleRow } from '@/db/schema/sqlite';
