// @ts-check
// The only reader (and writer) of process.env, for the app (through `@/env`) and for the custom server
// (server.mjs and server/*.mjs, which plain Node loads: hence JavaScript with JSDoc types rather than TypeScript).
// Parsed lazily, so that scripts and tests can set variables first. docs/decisions/0019-server-wiring.md.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)$/,
      'DATABASE_URL must look like file:<path> (for example file:data/portal.db) or postgres://user:password@host:port/database',
    )
    .default('file:data/portal.db'),
  // 1: open the database read-only (reads served, writes answer 503): docs/decisions/0011-faults-and-backups.md.
  DATABASE_READONLY: z.enum(['0', '1']).default('0'),
  // Where imported photos and their crops are kept (served under /media/).
  MEDIA_DIR: z.string().min(1).default('data/media'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The address to listen on; default: every interface, IPv6 and IPv4.
  HOST: z.string().min(1).optional(),
  SITE_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Counted views a minute from one client address; 0 turns the limit off.
  VIEW_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  // 1 when a reverse proxy in front sets X-Forwarded-For; otherwise the socket's address is the client.
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  // Shared-cache lifetimes and the photo cache's bound: checked with their own messages by
  // server/shared-cache.mjs and server/cache-handler.mjs, which get them from here.
  SHARED_CACHE_MAX_AGE: z.string().optional(),
  SHARED_CACHE_STALE: z.string().optional(),
  IMAGE_CACHE_MAX_MB: z.string().optional(),
  // The newsroom's secret (at least 32 characters): signs its session cookies. The newsroom refuses to sign
  // anyone in without it when NODE_ENV is production (docs/decisions/0024-newsroom-accounts.md).
  NEWSROOM_SECRET: z.string().min(32, 'NEWSROOM_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  // Sign-in attempts a minute from one client address (429 past it); 0 turns the limit off.
  NEWSROOM_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(0).default(20),
  // Photos next/image encodes at once in one process: checked by server/image-encoders.mjs.
  IMAGE_ENCODERS: z.string().optional(),
  // glibc's allocator settings, read by glibc itself at process start; server.mjs only says when they are missing
  // (server/image-encoders.mjs; npm start sets them: scripts/lib/server-process.mjs).
  MALLOC_ARENA_MAX: z.string().optional(),
  MALLOC_MMAP_THRESHOLD_: z.string().optional(),
  // Not configuration: set by server.mjs for its own process (handOverCacheSyncToken), read by the cache-sync
  // route (config/cache-sync.js).
  PORTAL_CACHE_SYNC_TOKEN: z.string().optional(),
});

/**
 * @typedef {z.infer<typeof schema> & {
 *   databasePath: string,
 *   postgresUrl: string | null,
 *   mediaPath: string,
 *   siteUrl: string,
 * }} Env
 * databasePath: the SQLite file, absolute (empty when the database is PostgreSQL); postgresUrl: the PostgreSQL
 * connection string, or null when the database is a SQLite file.
 */

/**
 * SITE_URL as the code compares it: parsed, so that the scheme and host come out in lower case
 * (`HTTPS://Tin.Example.vn/` is the https site `https://tin.example.vn`: Secure, `__Host-` and HSTS depend on it),
 * without a trailing slash.
 * @param {string | undefined} siteUrl
 * @param {number} port
 */
export function siteUrlOf(siteUrl, port) {
  return new URL(siteUrl ?? `http://localhost:${port}`).href.replace(/\/+$/, '');
}

/** @type {Env | undefined} */
let cached;

/** @returns {Env} */
export function getEnv() {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const value = parsed.data;
  cached = {
    ...value,
    databasePath: value.DATABASE_URL.startsWith('file:') ? path.resolve(value.DATABASE_URL.slice('file:'.length)) : '',
    postgresUrl: value.DATABASE_URL.startsWith('file:') ? null : value.DATABASE_URL,
    mediaPath: path.resolve(value.MEDIA_DIR),
    siteUrl: siteUrlOf(value.SITE_URL, value.PORT),
  };
  return cached;
}

/** True while `next build` runs (Next sets NEXT_PHASE): the build gets an empty database in memory (db/client.ts). */
export function isBuildPhase() {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

/**
 * Which engine this process talks to: PostgreSQL when DATABASE_URL is a postgres:// URL, otherwise the SQLite
 * file. `next build` always gets SQLite (an empty database in memory: db/client.ts), whatever DATABASE_URL says.
 * Read afresh on every call (not cached): tests switch engines between files.
 * @returns {'sqlite' | 'postgres'}
 */
export function databaseDialect() {
  if (isBuildPhase()) return 'sqlite';
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite';
}

/**
 * server.mjs hands the cache-sync token it made to the app it loads, in the same process. The app's code is
 * bundled by Next, so it cannot share a module instance with server.mjs; the process environment is the one
 * thing both see. Call before the app reads its environment.
 * @param {string} token
 */
export function handOverCacheSyncToken(token) {
  process.env.PORTAL_CACHE_SYNC_TOKEN = token;
  cached = undefined;
}
