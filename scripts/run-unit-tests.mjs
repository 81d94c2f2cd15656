// Runs every *.test.ts next to the code with Node's test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', 'e2e', 'data', 'test-results', 'playwright-report', '.git']);

function find(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(process.cwd(), full));
  }
  return out;
}

const files = find(process.cwd()).sort();
if (files.length === 0) {
  console.error('No unit tests found.');
  process.exit(1);
}
// TZ is deliberately not Vietnam's: dates must come out in Asia/Ho_Chi_Minh whatever the server's zone.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TZ: process.env.TZ ?? 'America/New_York' },
});
process.exit(result.status ?? 1);
