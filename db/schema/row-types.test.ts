// Type-level test, checked by `tsc` (npm test's typecheck): the PostgreSQL and SQLite schemas give every
// table the same row types, read and written, so the query functions written once return the same shapes on
// both engines. It also runs (trivially) under the unit test runner.
import { test } from 'node:test';
import type * as pg from '@/db/schema/pg';
import type * as sqlite from '@/db/schema/sqlite';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

type Tables =
  | 'categories'
  | 'images'
  | 'articles'
  | 'keywords'
  | 'articleKeywords'
  | 'articleAuthors'
  | 'articleViews'
  | 'cacheInvalidations'
  | 'staffUsers'
  | 'staffUserCategories'
  | 'staffSessions'
  | 'staffAccounts'
  | 'staffVerifications'
  | 'auditLog'
  | 'staffTwoFactor'
  | 'staffBackupCodes'
  | 'staffSessionFactors';
type Select<S, K extends Tables> = S extends Record<K, { $inferSelect: infer R }> ? R : never;
type Insert<S, K extends Tables> = S extends Record<K, { $inferInsert: infer R }> ? R : never;

type SameRows<K extends Tables> = Equal<Select<typeof pg, K>, Select<typeof sqlite, K>>;
// Inserts: the same columns with the same value types. Only optionality may differ, and only one way: SQLite
// makes up an INTEGER PRIMARY KEY that is left out (categories, articles, article_views), PostgreSQL needs it;
// the portal always gives those ids (they come from the old site), so every insert it writes is valid for both.
type SameInserts<K extends Tables> = Equal<Required<Insert<typeof pg, K>>, Required<Insert<typeof sqlite, K>>>;
type PgInsertFitsSqlite<K extends Tables> = Insert<typeof pg, K> extends Insert<typeof sqlite, K> ? true : false;

export type Checks = [
  Expect<SameRows<'categories'>>,
  Expect<SameRows<'images'>>,
  Expect<SameRows<'articles'>>,
  Expect<SameRows<'keywords'>>,
  Expect<SameRows<'articleKeywords'>>,
  Expect<SameRows<'articleAuthors'>>,
  Expect<SameRows<'articleViews'>>,
  Expect<SameRows<'cacheInvalidations'>>,
  Expect<SameInserts<'categories'>>,
  Expect<SameInserts<'images'>>,
  Expect<SameInserts<'articles'>>,
  Expect<SameInserts<'keywords'>>,
  Expect<SameInserts<'articleKeywords'>>,
  Expect<SameInserts<'articleAuthors'>>,
  Expect<SameInserts<'articleViews'>>,
  Expect<SameInserts<'cacheInvalidations'>>,
  Expect<SameRows<'staffUsers'>>,
  Expect<SameRows<'staffUserCategories'>>,
  Expect<SameRows<'staffSessions'>>,
  Expect<SameRows<'staffAccounts'>>,
  Expect<SameRows<'staffVerifications'>>,
  Expect<SameRows<'auditLog'>>,
  Expect<SameRows<'staffTwoFactor'>>,
  Expect<SameRows<'staffBackupCodes'>>,
  Expect<SameRows<'staffSessionFactors'>>,
  Expect<SameInserts<'staffTwoFactor'>>,
  Expect<SameInserts<'staffBackupCodes'>>,
  Expect<SameInserts<'staffSessionFactors'>>,
  Expect<SameInserts<'staffUsers'>>,
  Expect<SameInserts<'staffUserCategories'>>,
  Expect<SameInserts<'staffSessions'>>,
  Expect<SameInserts<'staffAccounts'>>,
  Expect<SameInserts<'staffVerifications'>>,
  Expect<SameInserts<'auditLog'>>,
  Expect<PgInsertFitsSqlite<'categories'>>,
  Expect<PgInsertFitsSqlite<'articles'>>,
  Expect<PgInsertFitsSqlite<'articleViews'>>,
  // The helper itself tells different types apart.
  Expect<Equal<Equal<{ a: Date }, { a: number }>, false>>,
];

test('the PostgreSQL and SQLite schemas infer the same row types (checked by tsc)', () => {});
