import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Parsed lazily so that scripts and tests can set variables first.
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
  SITE_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Counted views a minute from one client address; 0 turns the limit off.
  VIEW_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  // 1 when a reverse proxy in front sets X-Forwarded-For; otherwise the socket's address is the client.
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof schema> & {
  /** The SQLite file, absolute (empty when the database is PostgreSQL). */
  databasePath: string;
  /** The PostgreSQL connection string, or null when the database is a SQLite file. */
  postgresUrl: string | null;
  mediaPath: string;
  siteUrl: string;
};

let cached: Env | undefined;

export function getEnv(): Env {
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
    siteUrl: (value.SITE_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ''),
  };
  return cached;
}

/**
 * Which engine this process talks to: PostgreSQL when DATABASE_URL is a postgres:// URL, otherwise the SQLite
 * file. `next build` always gets SQLite (an empty database in memory: db/client.ts), whatever DATABASE_URL says.
 */
export function databaseDialect(): 'sqlite' | 'postgres' {
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'sqlite';
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite';
}
