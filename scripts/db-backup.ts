// npm run db:backup -- <dir>
// Backs up the database of DATABASE_URL into <dir>/portal-<UTC time>.db with SQLite's online backup API, safe
// while servers run, checks the copy and prints its path and counts. The media store (MEDIA_DIR) is plain
// files: back it up alongside (README).
import path from 'node:path';
import { backupDatabase, describeSummary } from '@/db/backup';
import { getEnv } from '@/env';

async function main(args: string[]): Promise<number> {
  if (getEnv().postgresUrl) {
    console.error('DATABASE_URL is PostgreSQL: use its own tools (pg_dump and pg_restore, or continuous archiving), see docs/deploy.md.');
    return 2;
  }
  if (args.length !== 1) {
    console.error('Usage: npm run db:backup -- <dir>');
    return 2;
  }
  const source = getEnv().databasePath;
  const started = performance.now();
  const { file, summary } = await backupDatabase({ source, dir: path.resolve(args[0]!) });
  console.log(`Backed up ${source} in ${Math.round(performance.now() - started)} ms to`);
  console.log(file);
  console.log(describeSummary(summary));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
