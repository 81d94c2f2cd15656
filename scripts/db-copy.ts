// npm run db:copy -- <from> <to>
// Copies a whole portal database between engines, e.g. the SQLite file into a new PostgreSQL database:
//   npm run db:copy -- file:data/portal.db postgres://portal:secret@db.internal:5432/portal
// Stop writers first (or accept that views counted during the copy stay in the source). See docs/deploy.md.
import { closeConnection, closeDatabase } from '@/db/client';
import { copyDatabase, openUrl } from '@/db/copy';

async function main(args: string[]): Promise<number> {
  if (args.length !== 2) {
    console.error('Usage: npm run db:copy -- <from: file:path | postgres://…> <to: file:path | postgres://…>');
    return 2;
  }
  const [from, to] = args as [string, string];
  const started = performance.now();
  const source = await openUrl(from);
  const target = await openUrl(to);
  try {
    const summary = await copyDatabase(source, target, { log: (line) => console.log(`  ${line}`) });
    console.log(
      `Copied ${summary.articles} articles, ${summary.categories} categories, ${summary.keywords} keywords, ${summary.images} photos and ` +
        `${summary.views} views in ${Math.round(performance.now() - started)} ms; the target's counts match the source's.`,
    );
    return 0;
  } finally {
    for (const db of [source, target]) await closeConnection(db);
    await closeDatabase();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Copy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
