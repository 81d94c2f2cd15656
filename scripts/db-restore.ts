// npm run db:restore -- <backup file>
// Restores a backup made by npm run db:backup into the database of DATABASE_URL (created if missing). Stop the
// servers first. The backup is checked before anything is written; the current database is kept beside it as
// <name>.before-restore-<UTC time>; the copy itself is one SQLite transaction.
import path from 'node:path';
import { describeSummary, restoreDatabase } from '@/db/backup';
import { getEnv } from '@/env';

async function main(args: string[]): Promise<number> {
  if (getEnv().postgresUrl) {
    console.error('DATABASE_URL is PostgreSQL: use its own tools (pg_dump and pg_restore, or continuous archiving), see docs/deploy.md.');
    return 2;
  }
  if (args.length !== 1) {
    console.error('Usage: npm run db:restore -- <backup file>');
    return 2;
  }
  const target = getEnv().databasePath;
  const { previous, summary } = await restoreDatabase({ backup: path.resolve(args[0]!), target });
  if (previous) console.log(`Kept the previous database as ${previous}`);
  console.log(`Restored ${path.resolve(args[0]!)} into ${target}`);
  console.log(describeSummary(summary));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
