import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { E2E_ENV } from './helpers/content';
import { E2E_NEWSROOM_SECRET } from './helpers/newsroom';
import { generateRequests, requestBytes, type FuzzRequest, type KnownContent } from './helpers/fuzz-requests';
import { sendRaw, type RawResponse } from './helpers/raw-http';
import { startServer, type RunningServer } from './helpers/servers';

// Bad input never becomes a 500 (issue #7): thousands of generated requests, over loopback, against a production
// server of this spec's own (so that its process, log and health can be watched, and the e2e server's memory
// caches are left alone), on a copy of the e2e database. The two share the build's disk cache, so the fuzz counts
// no view of a real article. Runs in the "serial" project, alone, after the page specs: it keeps both CPUs busy.
// The seed is printed; FUZZ_SEED=<n> sends another set.

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const DATABASE = 'data/e2e-fuzz.db';
const CONCURRENCY = 8;
const MIN_REQUESTS = 2000;
// What a server log must never show: an exception, or Next failing to write a page to its cache.
const LOG_ERRORS = /TypeError|RangeError|ReferenceError|SyntaxError|ENAMETOOLONG|ERR_[A-Z_]+|Failed to update prerender cache|Internal Server Error/;

type Result = { request: FuzzRequest; response: RawResponse; problems: string[] };

function totalViews(): number {
  const db = new Database(DATABASE, { readonly: true });
  try {
    return (db.prepare('SELECT coalesce(sum(views), 0) AS total FROM article_views').get() as { total: number }).total;
  } finally {
    db.close();
  }
}

function knownContent(): KnownContent {
  const db = new Database(DATABASE, { readonly: true });
  try {
    const articles = db
      .prepare("SELECT id, category_id AS categoryId, slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 40")
      .all() as KnownContent['articles'];
    return {
      article: { id: fixture.article.id, categoryId: fixture.article.categoryId, slug: fixture.article.slug },
      articles,
      categoryIds: (db.prepare('SELECT id FROM categories ORDER BY id').all() as Array<{ id: number }>).map((c) => c.id),
      keywordSlugs: (db.prepare('SELECT slug FROM keywords ORDER BY id LIMIT 30').all() as Array<{ slug: string }>).map((k) => k.slug),
      mediaFiles: (db.prepare('SELECT file FROM images ORDER BY id LIMIT 20').all() as Array<{ file: string }>).map((i) => i.file),
      // The fuzzed server has no SITE_URL: its origin is http://localhost:<PORT> (env.mjs).
      siteOrigin: `http://localhost:${PORT}`,
    };
  } finally {
    db.close();
  }
}

const isApi = (request: FuzzRequest) => typeof request.target === 'string' && /^\/api(\/|\?|$)/.test(request.target);

/** What is wrong with an answer; empty when it is a deliberate 2xx/3xx/4xx with the site's page or a JSON error. */
function problemsOf(request: FuzzRequest, response: RawResponse): string[] {
  if (request.expect) return request.expect.includes(response.status) ? [] : [`status ${response.status}, expected ${request.expect.join(' or ')}`];
  if (response.timedOut) return ['no answer within 15 s'];
  if (response.status === 0) return ['connection closed without an answer'];
  if (response.status >= 500) return [`status ${response.status}`];
  if (Object.keys(response.headers).join() === 'connection') return ['refused by Node’s HTTP parser: the input never reached the site'];
  if (response.status >= 300 && response.status < 400) return response.headers.location ? [] : ['a redirect without Location'];
  if (request.method === 'HEAD' || response.status === 204 || response.status === 304) return [];
  const type = response.headers['content-type'] ?? '';
  const text = response.body.toString('utf8');
  const problems: string[] = [];
  if (response.body.length === 0) problems.push('an empty body');
  if (isApi(request)) {
    if (!type.startsWith('application/json')) problems.push(`the API answered ${type || 'without a content type'}`);
    else if (response.status >= 400 && typeof (JSON.parse(text) as { error?: unknown }).error !== 'string') problems.push('a JSON error without "error"');
  } else if (type.startsWith('text/html')) {
    if (!text.includes('<html lang="vi"')) problems.push('HTML that is not the site’s page');
    if (text.includes('id="__next_error__"')) problems.push('the empty error document (no content without JavaScript)');
    if (text.includes('Đã có lỗi xảy ra')) problems.push('the site’s error page');
    if (response.status === 404 && !text.includes('Không tìm thấy trang')) problems.push('a 404 without the not-found page');
  } else if (!type && request.family !== 'images /_next/image') {
    problems.push('no content type');
  }
  if (response.status === 405 && !response.headers.allow) problems.push('a 405 without Allow');
  return problems;
}

async function runAll(requests: FuzzRequest[]): Promise<Result[]> {
  const results: Result[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i]!;
      const response = await sendRaw({ port: PORT, request: requestBytes(request, PORT), head: request.method === 'HEAD' });
      results[i] = { request, response, problems: problemsOf(request, response) };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const printable = (target: string | Buffer, max = 110) => {
  const text = typeof target === 'string' ? target : [...target].map((b) => (b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

function summary(results: Result[]): string {
  const families = new Map<string, { count: number; statuses: Map<number, number>; slowest: number; total: number }>();
  for (const { request, response } of results) {
    const row = families.get(request.family) ?? { count: 0, statuses: new Map(), slowest: 0, total: 0 };
    row.count++;
    row.statuses.set(response.status, (row.statuses.get(response.status) ?? 0) + 1);
    row.slowest = Math.max(row.slowest, response.ms);
    row.total += response.ms;
    families.set(request.family, row);
  }
  const statusText = (statuses: Map<number, number>) =>
    [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  const total = new Map<number, number>();
  for (const { response } of results) total.set(response.status, (total.get(response.status) ?? 0) + 1);
  const lines = [...families]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, row]) => `| ${name} | ${row.count} | ${statusText(row.statuses)} | ${Math.round(row.total / row.count)} | ${row.slowest} |`);
  return [
    '| route family | requests | statuses | mean ms | slowest ms |',
    '| --- | ---: | --- | ---: | ---: |',
    ...lines,
    `| all | ${results.length} | ${statusText(total)} | | |`,
  ].join('\n');
}

/** The log lines, each once with its count, numbers and long runs shortened so that alike lines group. */
function logSummary(log: string): string[] {
  const counts = new Map<string, number>();
  const colours = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
  for (const line of log.replace(colours, '').split('\n')) {
    const key = line.trim().replace(/\d+/g, 'N').slice(0, 140);
    if (key && !/^at |^\}|^code:|^\{|^errno|^syscall|^path:/.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => `${String(n).padStart(5)} × ${line}`);
}

let server: RunningServer | undefined;

test.afterAll(async () => {
  await server?.stop();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${DATABASE}${suffix}`, { force: true });
});

test('thousands of bad requests get deliberate answers, never a 5xx, and the server stays up', async () => {
  test.setTimeout(240_000);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${DATABASE}${suffix}`, { force: true });
  const source = new Database(E2E_ENV.DATABASE_URL.slice('file:'.length), { readonly: true });
  source.exec(`VACUUM INTO '${DATABASE}'`);
  source.close();
  const known = knownContent();
  const viewsBefore = totalViews();
  const requests = generateRequests(SEED, known);
  expect(requests.length).toBeGreaterThanOrEqual(MIN_REQUESTS);

  // The newsroom signs in for real (argon2 included), without the per-address limit, which would answer most posts 429.
  const newsroom = { NEWSROOM_SECRET: E2E_NEWSROOM_SECRET, NEWSROOM_SIGN_IN_RATE_LIMIT: '0' };
  server = await startServer({ port: PORT, env: { ...E2E_ENV, DATABASE_URL: `file:${DATABASE}`, ...newsroom } });
  const pid = server.process.pid;
  let log = '';
  server.process.stdout?.on('data', (chunk) => (log += chunk));
  server.process.stderr?.on('data', (chunk) => (log += chunk));

  const started = Date.now();
  const results = await runAll(requests);
  const seconds = (Date.now() - started) / 1000;

  console.log(`Fuzz seed ${SEED}: ${results.length} requests in ${seconds.toFixed(1)} s (${Math.round(results.length / seconds)}/s, ${CONCURRENCY} connections at a time)`);
  console.log(summary(results));
  const fixed = results.filter((r) => r.request.expect);
  console.log(`Requests with a fixed answer (${fixed.length}):\n${fixed.map((r) => `  ${r.response.status}  ${r.request.note}`).join('\n')}`);
  console.log(`Server log during the run:\n${logSummary(log).join('\n') || '  (nothing)'}`);

  const failures = results.filter((r) => r.problems.length > 0);
  const report = failures
    .slice(0, 40)
    .map(({ request, response, problems }) => `${request.method} ${printable(request.target || (request.note ?? ''))} -> ${response.status}: ${problems.join('; ')} | ${printable(response.body.toString('utf8').replace(/\s+/g, ' '), 160)}`);
  expect(report, `${failures.length} bad answers`).toEqual([]);

  // Every route family was reached with something it serves.
  const served = new Set(results.filter((r) => r.response.status === 200).map((r) => r.request.family));
  for (const family of ['home /', 'category /news/[c]', 'article /news/[c]/[a]/[slug]', 'feeds /rss.xml', 'keyword /tu-khoa/[slug]', 'search /tim-kiem', 'views API', 'ping API', 'media /media/[...path]', 'sitemaps, robots', 'images /_next/image', "Next's files /_next", 'newsroom /toa-soan']) {
    expect(served, family).toContain(family);
  }
  expect(log.split('\n').filter((line) => LOG_ERRORS.test(line))).toEqual([]);

  // Still the same process (it never exited, so no other took its port), and healthy.
  expect(server.process.exitCode).toBeNull();
  expect(server.process.signalCode).toBeNull();
  expect(() => process.kill(pid!, 0)).not.toThrow();
  const article = await fetch(`${server.url}${fixture.article.url}`);
  expect(article.status).toBe(200);
  expect(await article.text()).toContain(`<h1 class="article__title">${fixture.article.title}</h1>`);
  const ping = await fetch(`${server.url}/api/ping`);
  expect(ping.status).toBe(200);
  expect(await ping.json()).toEqual({ ok: true });
  expect(totalViews(), 'views counted by the fuzz').toBe(viewsBefore);
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  console.log(`Server process ${pid} still up; resident memory ${Math.round(Number(rss) / 1024)} MiB`);
});
