// Runs every *.test.ts next to the code with Node's test runner (TypeScript through tsx), on SQLite.
//
// With --contract (npm run test:contract), runs only the query-level contract tests below, on the PostgreSQL
// server DATABASE_URL names: each test gets a database of its own there (db/testing.ts), dropped afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const SKIP = new Set(['node_modules', '.next', 'e2e', 'data', 'test-results', 'playwright-report', '.git']);

// The same tests, the same expectations, on either engine: they use the public query API only (db/queries/*,
// the importer, the seed, the API routes) and write their fixtures with portable Drizzle calls.
const CONTRACT_TESTS = [
  'app/api/articles/[id]/views/route.test.ts',
  'app/api/health/route.test.ts',
  'db/copy.test.ts',
  'db/import/import-content.test.ts',
  'db/queries/listings.test.ts',
  'db/queries/most-read.test.ts',
  'db/queries/pages.test.ts',
  'db/queries/related.test.ts',
  'db/queries/search.test.ts',
  'db/queries/views.test.ts',
  'db/seed/seed.test.ts',
];

// Tests that open a database but are SQLite's own, and why. They run in npm run test:unit only.
const SQLITE_ONLY_TESTS = {
  'app/api/articles/[id]/views/route.sqlite.test.ts': 'a full disk and a bug, faked with failStatements',
  'app/api/health/route.sqlite.test.ts': 'a file opened read-only; a failing read faked with failStatements',
  'db/backup.test.ts': 'SQLite files, WAL and the online backup API',
  'db/client.test.ts': 'opening SQLite files read-only, WAL checkpoint on shutdown',
  'db/import/cli.test.ts': 'the command on a SQLite file, checked with better-sqlite3',
  'db/queries/query-plans.test.ts': 'EXPLAIN QUERY PLAN of recorded statements (recordStatements)',
  'db/queries/sitemap.test.ts': 'an archive of 120,000 articles made by the generator (raw SQLite statements)',
  'db/seed/generate.test.ts': 'the generator writes with raw SQLite statements',
};

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
  // Every test that opens a database is either a contract test or SQLite's own, so none is forgotten.
  const missing = CONTRACT_TESTS.filter((file) => !all.includes(file));
  if (missing.length) fail(`Contract tests not found: ${missing.join(', ')} (scripts/run-unit-tests.mjs)`);
  const unclassified = all.filter(
    (file) => !CONTRACT_TESTS.includes(file) && !(file in SQLITE_ONLY_TESTS) && /@\/db\/(testing|client)'/.test(fs.readFileSync(file, 'utf8')),
  );
  if (unclassified.length) {
    fail(`These tests open a database but are neither contract tests nor SQLite-only (scripts/run-unit-tests.mjs): ${unclassified.join(', ')}`);
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT current_setting($1) AS version, (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS can_create', ['server_version']);
    if (!rows[0].can_create) fail(`The PostgreSQL role in DATABASE_URL may not create databases: each contract test needs one of its own.`);
    console.log(`Contract tests on PostgreSQL ${rows[0].version} (${CONTRACT_TESTS.length} files; SQLite-only tests left out: ${Object.keys(SQLITE_ONLY_TESTS).length})`);
  } catch (error) {
    fail(`Cannot reach the PostgreSQL server in DATABASE_URL: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
  files = CONTRACT_TESTS;
} else if (isPostgresUrl(env.DATABASE_URL)) {
  // The unit tests are the SQLite run; the contract tests have a run of their own on PostgreSQL.
  console.log('npm run test:unit runs on SQLite: DATABASE_URL (PostgreSQL) is ignored here; npm run test:contract uses it.');
  delete env.DATABASE_URL;
}

if (files.length === 0) {
  console.error('No unit tests found.');
  process.exit(1);
}
// TZ is deliberately not Vietnam's: dates must come out in Asia/Ho_Chi_Minh whatever the server's zone.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...env, TZ: env.TZ ?? 'America/New_York' },
});
process.exit(result.status ?? 1);
