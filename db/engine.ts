import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';

// The two engines' Drizzle types, and the only place where one is taken for the other. Everything else either
// writes a query once against `Db`, or asks `dialectOf(db)` and gets the engine's own, honestly typed handle
// (docs/decisions/0015-postgresql.md, 0018-write-path-and-engines.md).

/** A SQLite database (better-sqlite3), with its connection. */
export type SqliteDb = BetterSQLite3Database<typeof sqliteSchema> & { $client: Database.Database };

/** A PostgreSQL database or a transaction on one (node-postgres). */
export type PostgresDb = PgDatabase<NodePgQueryResultHKT, typeof pgSchema>;

/**
 * The handle every query takes: only what both engines' Drizzle databases have with the same meaning (the query
 * builders; no `$client`, `run`, `get`, `all` or `transaction`, which are SQLite's own). Drizzle has no
 * dialect-neutral builder type, so the builders are spelled with SQLite's; on PostgreSQL they are
 * PostgreSQL's, built from the twin tables (`tablesOf`), taking the same arguments and resolving to the same
 * rows (db/schema/row-types.test.ts). Queries always `await` (never `.get()/.all()/.run()`) and never read
 * what a write without `.returning()` resolves to (a RunResult on SQLite, a QueryResult on PostgreSQL).
 */
export type Db = Pick<SqliteDb, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | '$count' | '$with' | 'with'>;

/** One engine's own handle, for the few places that need its SQL, its connection or its transactions. */
export type Dialect = { dialect: 'sqlite'; db: SqliteDb } | { dialect: 'postgres'; db: PostgresDb; pool: pg.Pool };

// Marks a PostgreSQL handle (and its transactions) with its pool. A symbol from the global registry rather than
// a module-level map: Next may load this module more than once (one copy per server bundle), while the handle is
// shared by all of them (db/client.ts keeps it on globalThis).
const PG_POOL: unique symbol = Symbol.for('portal.postgresPool');
type Marked = { [PG_POOL]?: pg.Pool };

/**
 * A PostgreSQL database (or transaction) as a `Db`. Safe: it has every member `Db` names, and each builds the
 * same statement in PostgreSQL's dialect from the tables `tablesOf` gives for it.
 */
export function fromPostgres(handle: PostgresDb, pool: pg.Pool): Db {
  Object.defineProperty(handle, PG_POOL, { value: pool });
  return handle as unknown as Db;
}

/** The connection pool when `db` is PostgreSQL, otherwise null (SQLite). */
export function postgresPool(db: Db): pg.Pool | null {
  return (db as Marked)[PG_POOL] ?? null;
}

/** Which engine `db` is, with its own handle. */
export function dialectOf(db: Db): Dialect {
  const pool = postgresPool(db);
  // Safe both ways: a handle is marked with its pool only by `fromPostgres`, so a marked one was made from a
  // PostgresDb, and every other `Db` came from drizzle-orm/better-sqlite3 (db/client.ts's openDatabase).
  if (pool) return { dialect: 'postgres', db: db as unknown as PostgresDb, pool };
  return { dialect: 'sqlite', db: db as SqliteDb };
}

/** `db` when it is SQLite, otherwise null. */
export function asSqlite(db: Db): SqliteDb | null {
  const own = dialectOf(db);
  return own.dialect === 'sqlite' ? own.db : null;
}

/** `db` when it is PostgreSQL, otherwise null. */
export function asPostgres(db: Db): PostgresDb | null {
  const own = dialectOf(db);
  return own.dialect === 'postgres' ? own.db : null;
}

export type Tables = typeof sqliteSchema;

/**
 * The tables of one engine, typed as the SQLite ones. Safe: the PostgreSQL tables have the same names, columns
 * and row types (db/schema/row-types.test.ts), and Drizzle builds each dialect's SQL from the table it is given.
 */
export function tablesFor(dialect: 'sqlite' | 'postgres'): Tables {
  return dialect === 'postgres' ? (pgSchema as unknown as Tables) : sqliteSchema;
}

/** The tables as `db`'s engine knows them (for code that holds handles of both engines at once: db:copy). */
export const tablesOf = (db: Db): Tables => tablesFor(postgresPool(db) ? 'postgres' : 'sqlite');

/**
 * `query` with FOR UPDATE on PostgreSQL: the selected rows stay locked until the transaction ends, so two
 * writers of the same article wait for each other. SQLite has no row locks and needs none (a writer holds the
 * whole database from BEGIN IMMEDIATE on). Safe: on PostgreSQL a select built from `db` is a PgSelect, whose
 * `.for('update')` returns the same builder with the clause added.
 */
export function forUpdate<Q extends object>(db: Db, query: Q): Q {
  return postgresPool(db) ? (query as unknown as { for: (strength: 'update') => Q }).for('update') : query;
}
