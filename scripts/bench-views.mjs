// npm run bench:views — throughput of the view counter against a route that does no database work.
// Builds if needed, starts the production server on a fresh seeded database, then drives both endpoints
// with autocannon over loopback, alternating, for a fixed time each. A benchmark, not a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bin, hasBuild } from './lib/build.mjs';
import { describeMachine, machineInfo, runCommand, runLoad, sleep, startServer } from './lib/bench.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ARTICLE = 60431;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
const dbFile = path.join(dir, 'bench.db');
const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, MEDIA_DIR: path.join(dir, 'media'), VIEW_RATE_LIMIT: '0', NEXT_TELEMETRY_DISABLED: '1' };

// Timed runs measure throughput. autocannon drops the replies still in flight when a timed run ends, so the
// exactness check is a separate run of a fixed number of requests, every reply read.
async function run({ title, path: urlPath, method = 'GET', seconds = SECONDS, amount, onCounted }) {
  const onResponse = onCounted
    ? (status, body) => {
        if (status === 200 && JSON.parse(body).counted) onCounted();
      }
    : undefined;
  const { result } = await runLoad({ base, method, path: urlPath, connections: CONNECTIONS, seconds, amount, onResponse });
  return { title, result };
}

const rate = (result) => result.requests.average;

const row = ({ title, result }) =>
  `${title.padEnd(38)} ${rate(result).toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   non-2xx ${result.non2xx}  errors ${result.errors}`;

await runCommand(process.execPath, [bin('tsx'), 'db/seed/run.ts'], { env });
if (!hasBuild()) await runCommand(process.execPath, [bin('next'), 'build'], { env });
const server = await startServer({ port: PORT, env });
const { base } = server;
try {
  const viewsPath = `/api/articles/${ARTICLE}/views`;
  console.log(`Warm-up 3 s each, then ${ROUNDS} rounds of ${SECONDS} s per endpoint, ${CONNECTIONS} connections, alternating.`);
  await run({ title: 'warm-up', path: '/api/ping', method: 'POST', seconds: 3 });
  await run({ title: 'warm-up', path: viewsPath, method: 'POST', seconds: 3 });
  const results = [];
  for (let round = 1; round <= ROUNDS; round++) {
    results.push(await run({ title: `POST ${viewsPath} #${round}`, path: viewsPath, method: 'POST' }));
    results.push(await run({ title: `POST /api/ping (no database) #${round}`, path: '/api/ping', method: 'POST' }));
  }

  const EXACT_REQUESTS = 20_000;
  const readStored = () => {
    const db = new Database(dbFile, { readonly: true });
    const { views } = db.prepare('SELECT views FROM article_views WHERE article_id = ?').get(ARTICLE);
    db.close();
    return views;
  };
  await sleep(1000); // let the replies autocannon dropped finish on the server
  const before = readStored();
  let counted = 0;
  await run({ title: 'exactness', path: viewsPath, method: 'POST', amount: EXACT_REQUESTS, onCounted: () => counted++ });
  const stored = readStored();
  const after = (await (await fetch(`${base}${viewsPath}`)).json()).views;

  // Medians over the rounds: this shared 2-core machine is noisy from one run to the next.
  const median = (prefix) => {
    const rates = results.filter((r) => r.title.startsWith(prefix)).map((r) => rate(r.result)).sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)];
  };
  const views = median('POST /api/articles');
  const ping = median('POST /api/ping');
  console.log('');
  results.forEach((r) => console.log(row(r)));
  console.log('');
  console.log(`median of ${ROUNDS} rounds: views POST ${views.toFixed(0)} req/s, no-database POST ${ping.toFixed(0)} req/s, ratio ${(views / ping).toFixed(2)} (target >= 0.80)`);
  console.log(`exactness: ${EXACT_REQUESTS} POSTs, ${counted} answered counted, stored count rose by ${stored - before} (API now says ${after}): ${stored - before === counted && after === stored ? 'exact' : 'MISMATCH'}`);
  console.log(`machine: ${describeMachine(machineInfo())}, ${new Date().toISOString()}`);
  if (stored - before !== counted || after !== stored) process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
