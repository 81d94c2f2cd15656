// npm run content:import -- <file-or-folder> [...more]
import path from 'node:path';
import { closeDatabase, prepareDatabase } from '@/db/client';
import { importPath } from '@/db/import/import-content';

async function main(targets: string[]): Promise<number> {
  if (targets.length === 0) {
    console.error('Usage: npm run content:import -- <file-or-folder> [...]');
    return 2;
  }
  await prepareDatabase();
  let failed = 0;
  let total = 0;
  for (const target of targets) {
    let outcomes;
    try {
      outcomes = await importPath(path.resolve(target));
    } catch (error) {
      console.error(`✗ ${target}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    for (const outcome of outcomes) {
      total++;
      const name = path.relative(process.cwd(), outcome.file);
      if (outcome.ok) {
        console.log(`✓ ${name}: ${outcome.summary}`);
      } else {
        failed++;
        console.error(`✗ ${name}: nothing written`);
        for (const error of outcome.errors) console.error(`    ${name}: ${error}`);
      }
    }
  }
  console.log(`${total - failed} imported, ${failed} failed`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDatabase();
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
