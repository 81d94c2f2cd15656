// Migrates the database and loads the demo content when it is empty (`--force` re-imports over it).
import { closeDatabase, prepareDatabase } from '@/db/client';
import { getEnv } from '@/env';
import { seedDatabase } from '@/db/seed/seed';

async function main() {
  await prepareDatabase();
  const { ran, outcomes } = await seedDatabase({ force: process.argv.includes('--force') });
  const file = getEnv().postgresUrl ? 'the PostgreSQL database' : getEnv().databasePath;
  console.log(ran ? `Seeded ${file}: ${outcomes.length} files imported.` : `Database ${file} already has content; seed skipped.`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
