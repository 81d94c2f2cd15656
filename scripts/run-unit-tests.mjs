// Runs every *.test.ts next to the code with Node's test runner (TypeScript through tsx), on SQLite.
//
// With --contract (npm run test:contract), runs only the *.contract.test.ts files, on the PostgreSQL
// server DATABASE_URL names: each test gets a database of its own there (db/testing.ts), dropped afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const SKIP = new Set(['node_modules', '.next', 'e2e', 'data', 'test-results', 'playwright-report', '.git']);

// Which engine a test runs on is said by its name, not by a list:
// - *.contract.test.ts: the same tests, the same expectations, on either engine. They use the public query API
//   only (db/queries/*, the importer, the seed, the API routes) and write their fixtures with portable Drizzle calls.
// - *.sqlite.test.ts: SQLite's own (files, WAL, read-only opening, raw statements, EXPLAIN QUERY PLAN): npm run
//   test:unit only.
// - any other *.test.ts: opens no database.
const isContract = (file) => file.endsWith('.contract.test.ts');
const isSqliteOnly = (file) => file.endsWith('.sqlite.test.ts');

function find(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(process.cwd(), full).split(path.sep).join('/'));
  }
  return out;
}

const fail = (message) => {
  console.error(message);
  process.exit(2);
};
const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url ?? '');

const contract = process.argv.includes('--contract');
const all = find(process.cwd()).sort();
let files = all;
const env = { ...process.env };

if (contract) {
  if (!isPostgresUrl(env.DATABASE_URL)) {
    fail(
      'npm run test:contract runs the query contract tests on PostgreSQL and needs its server in DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm run test:contract\n' +
        `(DATABASE_URL is ${env.DATABASE_URL ? `"${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}"` : 'not set'}). The role must be allowed to ` +
        'create databases: each test gets one of its own, dropped afterwards. On SQLite the same tests run in npm run test:unit.',
    );
  }
  files = all.filter(isContract);
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT current_setting($1) AS version, (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS can_create', ['server_version']);
    if (!rows[0].can_create) fail(`The PostgreSQL role in DATABASE_URL may not create databases: each contract test needs one of its own.`);
    console.log(`Contract tests on PostgreSQL ${rows[0].version} (${files.length} *.contract.test.ts files; ${all.filter(isSqliteOnly).length} *.sqlite.test.ts left out)`);
  } catch (error) {
    fail(`Cannot reach the PostgreSQL server in DATABASE_URL: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
} else if (isPostgresUrl(env.DATABASE_URL)) {
  // The unit tests are the SQLite run; the contract tests have a run of their own on PostgreSQL.
  console.log('npm run test:unit runs on SQLite: DATABASE_URL (PostgreSQL) is ignored here; npm run test:contract uses it.');
  delete env.DATABASE_URL;
}

// A test that opens a database says on which engine it runs, so none is forgotten by the PostgreSQL run.
const unnamed = all.filter((file) => !isContract(file) && !isSqliteOnly(file) && /@\/db\/(testing|client)'/.test(fs.readFileSync(file, 'utf8')));
if (unnamed.length) {
  fail(`These tests open a database: name them *.contract.test.ts (both engines) or *.sqlite.test.ts (SQLite only): ${unnamed.join(', ')}`);
}

if (files.length === 0) {
  console.error('No unit tests found.');
  process.exit(1);
}
// TZ is deliberately not Vietnam's: dates must come out in Asia/Ho_Chi_Minh whatever the server's zone. The media
// store is a throwaway folder: route handlers that store photos (uploads) must not write into the checkout's data/.
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-unit-media-'));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...env, TZ: env.TZ ?? 'America/New_York', MEDIA_DIR: mediaDir },
});
fs.rmSync(mediaDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
