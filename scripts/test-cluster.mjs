// npm run test:cluster — issue #8's proof on one machine: two app processes on one shared database behind the
// nginx cache tier of deploy/nginx/portal.conf, on loopback ports 3900-3904 only, everything in a temporary
// directory, every process stopped when it ends (also on failure or Ctrl-C). Prints each check as it goes and a
// Markdown summary, writes the figures to data/cluster/results-<time>.json, and exits 1 when a check fails.
//
// 1. Installs nginx, wrk and Chromium from Debian when absent (and PostgreSQL 15 unless --db sqlite); builds if
//    the sources changed (scripts/lib/build.mjs).
// 2. The database: by default a throwaway PostgreSQL 15 (scripts/lib/postgres.mjs) whose URL is DATABASE_URL;
//    --db sqlite makes it one file both processes open. Either way `npm run db:seed` loads the demo content and
//    `npm run content:import` adds 402 generated articles (the same commands an editor uses).
// 3. Starts two app processes as the benchmarks do (scripts/lib/bench.mjs startServer: SERVER_ARGS, production)
//    with HOST=127.0.0.1, TRUST_PROXY=1, VIEW_RATE_LIMIT=0 and SITE_URL = the tier, then nginx with the shipped
//    portal.conf (its deployment values replaced: scripts/lib/nginx.mjs) plus a static file server on its own port.
// 4. Checks, through the tier: the acceptance specs (playwright.cluster.config.ts) and the seed article exactly;
//    an RSC request never answered as HTML to a plain GET, and one cached copy per page whatever the client's
//    Accept-Encoding; a member of staff signed in through the tier, whose page is never cached nor served to a
//    client without their cookie, and public pages still served from the app's cache with the cookie present;
//    20,000 GETs over 200 articles mostly served by the cache; the warm article against the same bytes as a
//    static file, and one process alone for sizing (wrk, alternating); 5,000 view POSTs counted
//    exactly, over both processes; an edited title on the tier and on both processes within 5 s; an article a
//    lanh-dao publishes in the editor on every page that lists it, on the tier and on both processes, within 2 s,
//    an unrelated page still cached; one process killed (SIGKILL) in the middle of GET load with no 5xx. On PostgreSQL, last, the query contract tests
//    (npm run test:contract) on the same server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { generateSync } from 'otplib';
import { bin, buildIfChanged, hasBuild } from './lib/build.mjs';
import { BROWSER_UA, describeMachine, fmt, loadAverage, machineInfo, ms, roundTo, sleep, startServer } from './lib/bench.mjs';
import { ensureDebianPackages } from './lib/debian.mjs';
import { percentile, runRequests, runWrk, tally, WRK_BIN } from './lib/load.mjs';
import { mainConf, NGINX_BIN, PORTAL_CONF, portalConfFor, startNginx } from './lib/nginx.mjs';
import { PG_BIN, PG_PACKAGE, startPostgres } from './lib/postgres.mjs';

const USAGE = `Usage: npm run test:cluster -- [--db postgres|sqlite] [--no-build] [--keep]
  --db E       the shared database: postgres (default: a throwaway PostgreSQL 15 server, on which the query
               contract tests also run) or sqlite (one file both processes open)
  --no-build   use the existing .next build as it is
  --keep       keep the temporary directory (databases, logs, nginx cache) after a passing run`;

const PORTS = { tier: 3900, apps: [3901, 3902], static: 3903, postgres: 3904 };
const TIER = `http://127.0.0.1:${PORTS.tier}`;
const STATIC = `http://127.0.0.1:${PORTS.static}`;
const TIME_LIMIT_MS = 12 * 60_000;

const SEED = JSON.parse(fs.readFileSync('e2e/fixtures/seed-article.json', 'utf8'));
const SEED_DOC = JSON.parse(fs.readFileSync('db/seed/articles/60431.json', 'utf8'));
const SEED_URL = SEED.article.url;

// Generated articles: 200 for the cache-hit run, 2 for the RSC check, 200 never requested before the kill run.
const GENERATED = { first: 900_001, hit: 200, rsc: 2, kill: 200 };
const CATEGORIES = [17, 18, 19, 20, 21, 22, 29];

const HIT_REQUESTS = 20_000;
const HIT_CONCURRENCY = 50;
const MIN_HIT_SHARE = 0.95;
const SERVED_BY_CACHE = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);
// An answer counts as an error after 10 s, not wrk's 2 s: one process alone (c) with 50 connections queues them, and on a
// busy host its p99 passes 2 s without anything failing (2026-12-03: 180 req/s, p99 1.2-1.3 s, 31 wrk timeouts).
const WRK = { seconds: 10, warmup: 2, rounds: 3, connections: 50, threads: 2, timeoutSeconds: 10 };
const MIN_STATIC_RATIO = 0.5;
const VIEW_POSTS = 5_000;
const VIEW_CONCURRENCY = 50;
const MAX_EDIT_SECONDS = 5;
const MAX_PUBLISH_SECONDS = 2;
const KILL = { seconds: 12, killAt: 4, concurrency: 16, uncachedEveryMs: 40 };

// What a browser sends for a page; the tier's answers are read gzipped, as browsers take them.
const PAGE_HEADERS = {
  'user-agent': BROWSER_UA,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-language': 'vi-VN,vi;q=0.9',
  'accept-encoding': 'gzip, deflate, br',
};

// ---------------------------------------------------------------------------------------------------------
// Settings, output, child processes

function readSettings() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'postgres' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!['sqlite', 'postgres'].includes(values.db)) throw new Error(`--db must be sqlite or postgres\n${USAGE}`);
  return { db: /** @type {'sqlite' | 'postgres'} */ (values.db), build: !values['no-build'], keep: values.keep };
}

const pct = (n) => `${fmt(n * 100, 2)}%`;
const round = (n, digits = 2) => roundTo(n, digits);
const heading = (text) => console.log(`\n== ${text}`);

/** @type {Array<{ name: string, measured: string, target: string, pass: boolean }>} */
const checks = [];
function check(name, pass, measured, target) {
  checks.push({ name, measured, target, pass });
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${measured} (target: ${target})`);
  return pass;
}

// Commands run here (seed, import, Playwright, wrk) are killed if this process exits first.
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Runs a command; keeps its output (printed with `echo`); rejects with the output unless it exits 0. */
function run(command, args, { env = process.env, echo = false, tail = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (!echo && tail) console.log(output.trim().split('\n').slice(-tail).map((line) => `  ${line}`).join('\n'));
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})${echo ? '' : `:\n${output.slice(-4000)}`}`));
    });
  });
}

/**
 * The query contract tests (npm run test:contract) on this PostgreSQL server, as its superuser: each test makes
 * a database of its own there and drops it.
 */
async function contractTests(pg) {
  heading('The query contract tests on this PostgreSQL server (npm run test:contract)');
  const url = new URL(pg.url);
  url.username = 'postgres';
  url.pathname = '/postgres';
  const started = performance.now();
  let output;
  let ok = true;
  try {
    output = await run('npm', ['run', '--silent', 'test:contract'], { env: { ...process.env, DATABASE_URL: url.toString() }, tail: 8 });
  } catch (error) {
    output = error.message;
    ok = false;
    console.log(output.split('\n').slice(-40).join('\n'));
  }
  const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(output)?.[1] ?? NaN);
  const result = { tests: count('tests'), passed: count('pass'), failed: count('fail'), seconds: round((performance.now() - started) / 1000, 1) };
  check('query contract tests on PostgreSQL', ok && result.failed === 0 && result.passed > 0, `${result.passed} passed, ${result.failed} failed in ${result.seconds} s`, 'all pass');
  return result;
}

const gunzipped = (answer) => (answer.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body).toString('utf8');
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** One request, body kept (decompressed with `text`). */
async function get(base, pathname, headers = PAGE_HEADERS, method = 'GET') {
  const { answers } = await runRequests({ base, concurrency: 1, count: 1, keepBody: true, next: () => ({ method, path: pathname, headers }) });
  const answer = answers[0];
  if (answer.status === 0) throw new Error(`${method} ${base}${pathname}: ${answer.error}`);
  return { ...answer, text: () => gunzipped(answer) };
}

// ---------------------------------------------------------------------------------------------------------
// Content

const generatedId = (n) => GENERATED.first + n;
const generatedCategory = (n) => CATEGORIES[n % CATEGORIES.length];
const generatedSlug = (n) => `ban-tin-thu-nghiem-tang-bo-dem-so-${n + 1}`;
const generatedUrl = (n) => `/news/${generatedCategory(n)}/${generatedId(n)}/${generatedSlug(n)}`;

/**
 * Articles in the import format (db/seed/CONTENT-FORMAT.md), written so as to change nothing the acceptance
 * specs check: published in 2012 (older than all demo content: no "latest" list or first listing page moves),
 * no keywords (no related rail or keyword page changes), no views (the "most read" rail stays), no photos, and
 * words none of the specs search for.
 */
function writeGeneratedArticles(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const total = GENERATED.hit + GENERATED.rsc + GENERATED.kill;
  const start = Date.parse('2012-03-01T08:00:00+07:00');
  for (let n = 0; n < total; n++) {
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) =>
        `Đoạn ${p + 1} của bản tin thử nghiệm số ${n + 1}: nội dung này do lệnh kiểm tra cụm máy chủ tạo ra, để đo tầng bộ đệm ` +
        `HTTP đặt trước hai tiến trình ứng dụng. Mỗi trang có tiêu đề, ngày đăng, đoạn mở đầu và sáu đoạn văn như đoạn này, ` +
        `gần với độ dài của một bài viết thật trên trang tin.`,
    );
    const article = {
      id: generatedId(n),
      categoryId: generatedCategory(n),
      slug: generatedSlug(n),
      title: `Bản tin thử nghiệm tầng bộ đệm số ${n + 1}`,
      sapo: `Bản tin số ${n + 1} do lệnh kiểm tra cụm máy chủ tạo ra, để đo tầng bộ đệm HTTP trước hai tiến trình ứng dụng.`,
      publishedAt: new Date(start + n * 3_600_000).toISOString(),
      status: 'published',
      author: 'Kiểm tra tự động',
      body: paragraphs.map((text) => ({ type: 'paragraph', text })),
    };
    fs.writeFileSync(path.join(dir, `${article.id}.json`), JSON.stringify(article, null, 2));
  }
  return total;
}

/** The seed article with another title, and its photos beside it, as an editor would import it. */
function writeEditedSeed(dir, title) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '60431.json'), JSON.stringify({ ...SEED_DOC, title }, null, 2));
  for (const block of SEED_DOC.body) if (block.type === 'image') fs.copyFileSync(path.join('db', 'seed', 'media', block.file), path.join(dir, block.file));
}

// ---------------------------------------------------------------------------------------------------------
// The steps

/** The acceptance specs through the tier, and the seed article's exact text in the HTML it serves. */
async function acceptance({ env, dir }) {
  heading('Acceptance specs through the tier (playwright.cluster.config.ts)');
  const report = path.join(dir, 'playwright.json');
  let passed = true;
  const started = performance.now();
  try {
    await run(bin('playwright'), ['test', '--config', 'playwright.cluster.config.ts', '--reporter', 'list,json'], {
      env: {
        ...process.env,
        E2E_PORT: String(PORTS.tier),
        E2E_DATABASE_URL: env.DATABASE_URL,
        E2E_MEDIA_DIR: env.MEDIA_DIR,
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
      echo: true,
    });
  } catch {
    passed = false;
  }
  const stats = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')).stats : {};
  const specs = { passed: stats.expected ?? 0, failed: stats.unexpected ?? 0, flaky: stats.flaky ?? 0, skipped: stats.skipped ?? 0, seconds: round((performance.now() - started) / 1000, 1) };
  check('acceptance specs (article, search, seo, newsroom CSP) through the tier', passed && specs.failed === 0, `${specs.passed} passed, ${specs.failed} failed, ${specs.skipped} skipped in ${specs.seconds} s`, 'all pass');

  const page = await get(TIER, SEED_URL);
  const html = page.text();
  const expected = [
    ['title', `<title>${escapeHtml(SEED.article.title)} | `],
    ['heading', `>${escapeHtml(SEED.article.title)}</h1>`],
    ['date', SEED.article.displayedDateTime],
    ['sapo', escapeHtml(SEED.article.sapo)],
    ...SEED_DOC.keywords.map((keyword) => [`keyword ${keyword}`, `>${escapeHtml(keyword)}</a>`]),
    ['related rail', escapeHtml(SEED.relatedRail[0].title)],
    ['related excerpt', escapeHtml(SEED.relatedRail[0].excerpt)],
  ];
  const missing = expected.filter(([, text]) => !html.includes(text)).map(([name]) => name);
  check(
    'the seed article through the tier: title, date, sapo, keywords, related rail',
    page.status === 200 && String(page.headers['content-type']).startsWith('text/html') && missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : `HTTP ${page.status}, ${SEED.article.displayedDateTime}, ${SEED_DOC.keywords.length} keywords`,
    'exactly the seed',
  );
  return { specs, seedArticle: { status: page.status, missing } };
}

/** One request with a body (runRequests sends none); the answer's status, headers and body. */
function send(base, pathname, { method, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** A staff account on the cluster's database, made with `npm run staff:create` as an administrator would. */
function createStaff({ env, username, name, password, role = 'phong-vien' }) {
  return new Promise((resolve, reject) => {
    const args = ['run', '--silent', 'staff:create', '--', '--username', username, '--name', name, '--role', role, '--password-stdin'];
    const child = spawn('npm', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`staff:create failed (exit code ${code}):\n${output}`));
    });
    child.stdin.end(`${password}\n`);
  });
}

const nonceOf = (answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy'] ?? ''))?.[1] ?? null;

/**
 * Issue #16 point 7 through the tier: a member of staff signs in; their page is fetched twice with the session
 * cookie (both theirs, neither from the cache, each with a nonce of its own) and then without it (the sign-in
 * redirect, never their page); a public page asked for with the cookie is still the app's cached page, and nginx
 * stores nothing of a request carrying it (deploy/nginx/portal.conf, docs/decisions/0028-newsroom-csp.md).
 */
async function newsroomThroughTheTier({ env }) {
  heading('The newsroom through the tier: a signed-in page never comes from a cache');
  const account = { username: `cum.${Date.now().toString(36)}`, name: 'Trần Thị Kiểm Tra Cụm', password: 'Cụm máy chủ kiểm tra an toàn 2026' };
  await createStaff({ env, ...account });
  const form = new URLSearchParams({ username: account.username, password: account.password }).toString();
  const signIn = await send(TIER, '/toa-soan/dang-nhap/gui', {
    method: 'POST',
    headers: { 'user-agent': BROWSER_UA, origin: TIER, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const cookie = [signIn.headers['set-cookie'] ?? []].flat().map((line) => line.split(';', 1)[0]).find((pair) => pair.startsWith('toa-soan='));
  check('signing in through the tier', signIn.status === 303 && Boolean(cookie), `HTTP ${signIn.status}, ${cookie ? 'a session cookie' : 'no session cookie'}`, '303 and the session cookie');
  if (!cookie) return { signedIn: false };

  const name = escapeHtml(account.name);
  const signedIn = [await get(TIER, '/toa-soan', { ...PAGE_HEADERS, cookie }), await get(TIER, '/toa-soan', { ...PAGE_HEADERS, cookie })];
  const described = signedIn.map((a) => `HTTP ${a.status}, ${a.text().includes(name) ? 'their name' : 'not their name'}, X-Cache-Status ${a.headers['x-cache-status']}, ${a.headers['cache-control']}`);
  check(
    'the signed-in page, twice with the cookie: theirs, not from the cache',
    signedIn.every((a) => a.status === 200 && a.text().includes(name) && !SERVED_BY_CACHE.has(String(a.headers['x-cache-status'])) && a.headers['cache-control'] === 'private, no-store'),
    described.join('; '),
    '200, their name, not HIT/STALE/UPDATING/REVALIDATED, private, no-store',
  );
  const nonces = signedIn.map(nonceOf);
  check(
    'a nonce of its own in each signed-in answer',
    nonces.every(Boolean) && nonces[0] !== nonces[1] && signedIn.every((a, i) => a.text().includes(`nonce="${nonces[i]}"`)),
    nonces.map((n) => n ?? 'none').join(' vs '),
    'two different nonces, each on its own page',
  );

  const anonymous = [await get(TIER, '/toa-soan'), await get(TIER, '/toa-soan')];
  check(
    'the same page without the cookie: the sign-in redirect, never the signed-in page',
    anonymous.every((a) => a.status === 307 && String(a.headers.location).endsWith('/toa-soan/dang-nhap') && !a.text().includes(name) && !SERVED_BY_CACHE.has(String(a.headers['x-cache-status']))),
    anonymous.map((a) => `HTTP ${a.status} to ${a.headers.location}, X-Cache-Status ${a.headers['x-cache-status']}`).join('; '),
    '307 to /toa-soan/dang-nhap, without their name',
  );

  // A public page with the cookie: nginx passes it by (BYPASS) and keeps nothing of it; the app answers from its own
  // page cache, because public pages read no cookie. Asked until two answers in a row come from the app's cache
  // (each of the two processes renders it once, and a cache-sync of an earlier edit may expire a copy: at most 12
  // requests); then twice without the cookie: a MISS first, had nginx stored nothing of them.
  const url = generatedUrl(0);
  const withCookie = [];
  const twoHits = () => withCookie.length >= 2 && withCookie.slice(-2).every((a) => a.headers['x-nextjs-cache'] === 'HIT');
  while (withCookie.length < 12 && !twoHits()) {
    withCookie.push(await get(TIER, url, { ...PAGE_HEADERS, cookie }));
    if (!twoHits()) await sleep(150);
  }
  const without = [await get(TIER, url), await get(TIER, url)];
  const title = escapeHtml(`Bản tin thử nghiệm tầng bộ đệm số 1`);
  check(
    'a public page asked for with the session cookie: still the cached page',
    twoHits() && withCookie.every((a) => a.status === 200 && a.headers['x-cache-status'] === 'BYPASS' && a.text().includes(`>${title}</h1>`) && !a.text().includes(name)),
    withCookie.map((a) => `HTTP ${a.status} app ${a.headers['x-nextjs-cache']} tier ${a.headers['x-cache-status']}`).join('; '),
    'every answer: tier BYPASS, the article, not the staff name; two app cache HITs in a row within 12',
  );
  check(
    'nginx keeps nothing of a request with the cookie',
    without[0].headers['x-cache-status'] === 'MISS' && SERVED_BY_CACHE.has(String(without[1].headers['x-cache-status'])),
    `then without it: ${without.map((a) => a.headers['x-cache-status']).join(', ')}`,
    'MISS, then HIT',
  );
  return {
    signedIn: signedIn.map((a) => ({ status: a.status, cacheStatus: a.headers['x-cache-status'], cacheControl: a.headers['cache-control'] })),
    nonceDiffers: nonces[0] !== nonces[1],
    anonymous: anonymous.map((a) => ({ status: a.status, location: a.headers.location, cacheStatus: a.headers['x-cache-status'] })),
    publicWithCookie: withCookie.map((a) => ({ app: a.headers['x-nextjs-cache'], tier: a.headers['x-cache-status'] })),
    publicWithout: without.map((a) => a.headers['x-cache-status']),
  };
}

/** RSC requests (header, `_rsc` query) and then a plain GET of the same URL: HTML every time. */
async function rscIsolation() {
  heading('React payload (RSC) requests never answered as HTML');
  const urls = [generatedUrl(GENERATED.hit), generatedUrl(GENERATED.hit + 1)];
  const cases = [
    { name: 'RSC: 1', path: urls[0], headers: { ...PAGE_HEADERS, rsc: '1' } },
    { name: 'RSC: 1 and ?_rsc (where Next redirects it)', path: `${urls[0]}?_rsc`, headers: { ...PAGE_HEADERS, rsc: '1' } },
    { name: '?_rsc=abc', path: `${urls[1]}?_rsc=abc`, headers: PAGE_HEADERS },
    { name: 'RSC: 1 and ?_rsc=abc', path: `${urls[1]}?_rsc=abc`, headers: { ...PAGE_HEADERS, rsc: '1' } },
  ];
  const results = [];
  let allHtml = true;
  for (const c of cases) {
    const first = await get(TIER, c.path, c.headers);
    const second = await get(TIER, c.path, c.headers);
    const plain = [await get(TIER, c.path), await get(TIER, c.path)];
    const types = plain.map((p) => String(p.headers['content-type']));
    const html = plain.every((p) => p.status === 200 && p.headers['content-type'] === 'text/html; charset=utf-8');
    allHtml &&= html;
    const result = {
      request: c.name,
      path: c.path,
      answer: `${first.status} ${first.headers['content-type'] ?? '(no body type)'} ${first.headers['x-cache-status']}, then ${second.headers['x-cache-status']}`,
      plainGet: plain.map((p) => `${p.status} ${p.headers['content-type']} ${p.headers['x-cache-status']}`),
    };
    results.push(result);
    console.log(`  ${c.name} on ${c.path}: ${result.answer}; plain GET: ${result.plainGet.join(' / ')}${html ? '' : `  <-- ${types.join(', ')}`}`);
  }
  check('a plain GET after RSC requests of the same URL is HTML', allHtml, allHtml ? 'text/html every time' : 'an RSC payload was served', 'text/html');

  // Next varies pages on Accept-Encoding too; the tier keeps one gzipped copy for every client instead.
  const encodings = ['gzip, deflate, br', 'gzip', 'br', '', 'identity', 'gzip;q=0, deflate'];
  const variants = [];
  for (const encoding of encodings) {
    const answer = await get(TIER, urls[0], { ...PAGE_HEADERS, 'accept-encoding': encoding });
    variants.push({ encoding, cache: answer.headers['x-cache-status'], contentEncoding: answer.headers['content-encoding'] ?? null, html: answer.text() });
  }
  // The copy lives to the end of a whole second (server/shared-cache.mjs): a request after that finds it under the
  // same key and refreshes it (REVALIDATED: a 304; EXPIRED: the page sent again). A copy per spelling would be a MISS.
  const oneCopy = variants.every((v) => ['HIT', 'REVALIDATED', 'EXPIRED'].includes(v.cache) && v.html === variants[0].html);
  const gzipOnlyWhenAsked = variants.every((v) => (v.contentEncoding === 'gzip') === /(^|,)\s*gzip(?!;q=0\b)/.test(v.encoding));
  console.log(`  Accept-Encoding variants of one page: ${variants.map((v) => `"${v.encoding}" ${v.cache} ${v.contentEncoding ?? 'plain'}`).join(', ')}`);
  check('one cached copy per page whatever the Accept-Encoding, gzip only to who asks', oneCopy && gzipOnlyWhenAsked, oneCopy && gzipOnlyWhenAsked ? `${encodings.length} spellings, no MISS (${variants.map((v) => v.cache).join(', ')}), same HTML` : JSON.stringify(variants.map((v) => ({ encoding: v.encoding, cache: v.cache, contentEncoding: v.contentEncoding, bytes: v.html.length }))), 'one copy');
  return results;
}

/** 20,000 GETs over 200 article URLs, keep-alive: the share the cache answered, and latency. */
async function cacheHits() {
  heading(`${fmt(HIT_REQUESTS)} GETs over ${GENERATED.hit} articles through the tier (${HIT_CONCURRENCY} connections)`);
  const urls = Array.from({ length: GENERATED.hit }, (_, n) => generatedUrl(n));
  const { answers, seconds } = await runRequests({
    base: TIER,
    concurrency: HIT_CONCURRENCY,
    count: HIT_REQUESTS,
    next: (i) => ({ path: urls[i % urls.length], headers: PAGE_HEADERS }),
  });
  const statuses = tally(answers, (a) => a.status);
  const cache = tally(answers, (a) => String(a.headers['x-cache-status'] ?? 'none'));
  const served = answers.filter((a) => SERVED_BY_CACHE.has(String(a.headers['x-cache-status']))).length;
  const share = served / answers.length;
  const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
  const hitLatencies = answers.filter((a) => a.headers['x-cache-status'] === 'HIT').map((a) => a.ms).sort((x, y) => x - y);
  const result = {
    requests: answers.length,
    seconds: round(seconds, 1),
    requestsPerSecond: Math.round(answers.length / seconds),
    statuses,
    cacheStatus: cache,
    servedByCache: served,
    share: round(share, 4),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    hitP50: round(percentile(hitLatencies, 50)),
    hitP99: round(percentile(hitLatencies, 99)),
  };
  console.log(`  ${fmt(answers.length)} answers in ${fmt(seconds, 1)} s (${fmt(result.requestsPerSecond)}/s); statuses ${JSON.stringify(statuses)}; X-Cache-Status ${JSON.stringify(cache)}`);
  // A page's first requests wait for the one that renders it (proxy_cache_lock), and nginx looks at a lock again
  // every 500 ms: they make the p99 of all answers.
  console.log(`  latency p50 ${ms(result.p50)}, p99 ${ms(result.p99)}; of the HITs alone p50 ${ms(result.hitP50)}, p99 ${ms(result.hitP99)}`);
  check('GETs all answered 200', Object.keys(statuses).join() === '200', JSON.stringify(statuses), 'all 200');
  check('share served by the cache tier (HIT, STALE, UPDATING, REVALIDATED)', share > MIN_HIT_SHARE, pct(share), `> ${pct(MIN_HIT_SHARE)}`);
  return result;
}

/** The warm seed article through the tier against the same bytes as a static file of the same nginx (wrk). */
async function throughput({ staticFile, direct }) {
  heading(`Throughput: the warm seed article through the tier, the same bytes as a static file, and one app process alone (wrk, ${WRK.rounds} rounds of ${WRK.seconds} s each, alternating)`);
  const page = await get(TIER, SEED_URL, { ...PAGE_HEADERS, 'accept-encoding': 'gzip' });
  if (page.headers['content-encoding'] !== 'gzip') throw new Error(`the tier answered the seed article without gzip: ${JSON.stringify(page.headers)}`);
  fs.writeFileSync(staticFile, page.body);
  const copy = await get(STATIC, '/article.html', { ...PAGE_HEADERS, 'accept-encoding': 'gzip' });
  const same = copy.status === 200 && copy.body.equals(page.body) && copy.headers['content-encoding'] === 'gzip' && copy.headers['content-type'] === page.headers['content-type'];
  console.log(`  ${fmt(page.body.length)} bytes gzipped (${fmt(Buffer.byteLength(page.text()))} bytes of HTML); the static copy ${same ? 'is byte-identical, same Content-Type and Content-Encoding' : 'DIFFERS'}`);
  if (!same) throw new Error('the static copy does not match the page');
  const targets = {
    a: { label: '(a) seed article through the tier', url: `${TIER}${SEED_URL}` },
    b: { label: '(b) the same bytes, static file', url: `${STATIC}/article.html` },
    // For sizing: what one process serves of the same page from Next's cache, without the tier.
    c: { label: '(c) the same page from one process', url: `${direct}${SEED_URL}` },
  };
  const wrkHeaders = { 'User-Agent': BROWSER_UA, Accept: PAGE_HEADERS.accept, 'Accept-Encoding': 'gzip' };
  const once = (key, seconds) => runWrk({ url: targets[key].url, seconds, connections: WRK.connections, threads: WRK.threads, timeoutSeconds: WRK.timeoutSeconds, headers: wrkHeaders, onSpawn: (c) => children.add(c) });
  for (const key of ['a', 'b', 'c']) await once(key, WRK.warmup);
  const runs = { a: [], b: [], c: [] };
  for (let roundNo = 1; roundNo <= WRK.rounds; roundNo++) {
    for (const key of ['a', 'b', 'c']) {
      const result = await once(key, WRK.seconds);
      runs[key].push(result);
      console.log(
        `  round ${roundNo} ${targets[key].label.padEnd(36)} ${fmt(result.requestsPerSecond).padStart(8)} req/s  p50 ${ms(result.p50).padStart(9)}  p99 ${ms(result.p99).padStart(9)}  non-2xx ${result.non2xx3xx}  socket errors ${result.socketErrors}`,
      );
    }
  }
  const summary = (list) => ({
    requestsPerSecond: Math.round(list.reduce((s, r) => s + r.requestsPerSecond, 0) / list.length),
    rounds: list.map((r) => Math.round(r.requestsPerSecond)),
    p50: round(list.reduce((s, r) => s + r.p50, 0) / list.length),
    p99: round(Math.max(...list.map((r) => r.p99))),
    errors: list.reduce((s, r) => s + r.non2xx3xx + r.socketErrors, 0),
  });
  const a = summary(runs.a);
  const b = summary(runs.b);
  const c = summary(runs.c);
  const ratio = a.requestsPerSecond / b.requestsPerSecond;
  console.log(`  mean: (a) ${fmt(a.requestsPerSecond)} req/s, (b) ${fmt(b.requestsPerSecond)} req/s, a/b ${fmt(ratio, 3)}; (c) ${fmt(c.requestsPerSecond)} req/s, a/c ${fmt(a.requestsPerSecond / c.requestsPerSecond, 1)}`);
  check('no errors under load (a, b, c)', a.errors === 0 && b.errors === 0 && c.errors === 0, `${a.errors}, ${b.errors}, ${c.errors}`, '0');
  check('warm article through the tier vs static file (a/b)', ratio >= MIN_STATIC_RATIO, fmt(ratio, 3), `≥ ${MIN_STATIC_RATIO}`);
  return { bytes: page.body.length, htmlBytes: Buffer.byteLength(page.text()), connections: WRK.connections, threads: WRK.threads, a, b, c, ratio: round(ratio, 3) };
}

/** Lines the tier logged from `offset` on, for the requests matching `pattern`: how many each process got. */
function upstreamsOf(logFile, offset, pattern) {
  const text = fs.readFileSync(logFile, 'utf8').slice(offset);
  const lines = text.split('\n').filter((line) => pattern.test(line));
  return tally(lines, (line) => /upstream=(.+?) time=/.exec(line)?.[1] ?? '?');
}

/** 5,000 view POSTs through the tier, concurrently: the stored count rises by exactly 5,000. */
async function viewPosts({ accessLog }) {
  heading(`${fmt(VIEW_POSTS)} view POSTs through the tier (${VIEW_CONCURRENCY} at a time)`);
  const id = SEED.article.id;
  const countOf = async (base) => JSON.parse((await get(base, `/api/articles/${id}/views`, { 'user-agent': BROWSER_UA, accept: '*/*' })).text()).views;
  const before = await countOf(TIER);
  const offset = fs.statSync(accessLog).size;
  // What the view counter's fetch() sends (components/article/view-counter.client.tsx): a POST without a body.
  const headers = {
    'user-agent': BROWSER_UA,
    accept: '*/*',
    'accept-language': 'vi-VN,vi;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    origin: TIER,
    referer: `${TIER}${SEED_URL}`,
    'content-length': '0',
  };
  const { answers, seconds } = await runRequests({
    base: TIER,
    concurrency: VIEW_CONCURRENCY,
    count: VIEW_POSTS,
    keepBody: true,
    next: () => ({ method: 'POST', path: `/api/articles/${id}/views`, headers }),
  });
  const counted = answers.filter((a) => a.status === 200 && JSON.parse(gunzipped(a)).counted === true).length;
  await sleep(200); // nginx writes its log line after the answer
  const after = await countOf(TIER);
  const direct = await Promise.all(PORTS.apps.map((port) => countOf(`http://127.0.0.1:${port}`)));
  const perProcess = upstreamsOf(accessLog, offset, new RegExp(`"POST /api/articles/${id}/views `));
  const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
  const result = {
    posts: answers.length,
    seconds: round(seconds, 1),
    statuses: tally(answers, (a) => a.status),
    counted,
    before,
    after,
    rise: after - before,
    directCounts: direct,
    perProcess,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
  };
  console.log(`  ${fmt(answers.length)} POSTs in ${fmt(seconds, 1)} s; statuses ${JSON.stringify(result.statuses)}; counted: true ${fmt(counted)}; p50 ${ms(result.p50)}, p99 ${ms(result.p99)}`);
  console.log(`  per process (nginx log, upstream): ${JSON.stringify(perProcess)}`);
  console.log(`  stored count ${fmt(before)} -> ${fmt(after)} (+${fmt(after - before)}); read from each process directly: ${direct.join(', ')}`);
  check('view POSTs: stored count rise', after - before === VIEW_POSTS && counted === VIEW_POSTS, `+${fmt(after - before)} (${fmt(counted)} answered counted)`, `exactly +${fmt(VIEW_POSTS)}`);
  const used = Object.keys(perProcess).filter((u) => PORTS.apps.some((port) => u === `127.0.0.1:${port}`));
  check('view POSTs spread over both processes', used.length === 2, JSON.stringify(perProcess), 'both');
  return result;
}

/** An edited title (the import command, as an editor runs it) on the tier and on each process within 5 s. */
async function editFreshness({ env, dir, processes }) {
  heading('An edited title through the tier and on each process');
  const stamp = new Date().toISOString().slice(11, 19);
  const title = `${SEED_DOC.title} (sửa lúc ${stamp})`;
  const targets = [
    { name: 'tier', base: TIER },
    ...processes.map((p, i) => ({ name: `process ${i + 1} (:${PORTS.apps[i]})`, base: p.base })),
  ];
  // Warm: each target serves the old title from its cache.
  for (const target of targets) {
    for (let i = 0; i < 2; i++) {
      const html = (await get(target.base, SEED_URL)).text();
      if (!html.includes(escapeHtml(SEED_DOC.title)) || html.includes(escapeHtml(title))) throw new Error(`${target.name} does not show the old title before the edit`);
    }
  }
  writeEditedSeed(dir, title);
  const importStarted = performance.now();
  await run('npm', ['run', '--silent', 'content:import', '--', path.join(dir, '60431.json')], { env, tail: 1 });
  const imported = performance.now();
  console.log(`  import command took ${fmt((imported - importStarted) / 1000, 2)} s; polling every 100 ms from its end`);
  const seen = await Promise.all(
    targets.map(async (target) => {
      let requests = 0;
      let stale = 0;
      while (performance.now() - imported < 15_000) {
        const answer = await get(target.base, SEED_URL);
        requests++;
        if (answer.text().includes(`>${escapeHtml(title)}</h1>`)) {
          return { target: target.name, seconds: round((performance.now() - imported) / 1000), requests, staleAnswers: stale, cacheStatus: answer.headers['x-cache-status'] ?? null };
        }
        stale++;
        await sleep(100);
      }
      return { target: target.name, seconds: null, requests, staleAnswers: stale, cacheStatus: null };
    }),
  );
  for (const s of seen) {
    console.log(`  ${s.target}: new title after ${s.seconds === null ? 'more than 15' : fmt(s.seconds, 2)} s (${s.staleAnswers} answers with the old title before it${s.cacheStatus ? `, then ${s.cacheStatus}` : ''})`);
  }
  const worst = Math.max(...seen.map((s) => s.seconds ?? Infinity));
  check('edited title on the tier and both processes', worst < MAX_EDIT_SECONDS, `${fmt(worst, 2)} s at worst`, `< ${MAX_EDIT_SECONDS} s`);
  return { importSeconds: round((imported - importStarted) / 1000), seen, worstSeconds: round(worst) };
}

/** The session cookie pair (`toa-soan=...`) a newsroom answer sets, if any. */
const sessionCookieOf = (answer) =>
  [answer.headers['set-cookie'] ?? []].flat().map((line) => line.split(';', 1)[0]).find((pair) => pair.startsWith('toa-soan='));

/**
 * A `lanh-dao` signed in through the tier as a browser would: the password, then the two-factor enrolment the role
 * requires (the secret read from the enrolment page, its first code made with otplib as e2e/helpers/newsroom.ts
 * does). Returns the session cookie, or null (with the step that failed) when a step answers otherwise.
 */
async function signInLanhDao({ env }) {
  const account = { username: `ld.${Date.now().toString(36)}`, name: 'Lê Văn Kiểm Tra Xuất Bản', password: 'Lãnh đạo kiểm tra cụm máy chủ 2026', role: 'lanh-dao' };
  await createStaff({ env, ...account });
  const form = (fields) => ({ method: 'POST', headers: { 'user-agent': BROWSER_UA, origin: TIER, 'content-type': 'application/x-www-form-urlencoded', ...fields.headers }, body: new URLSearchParams(fields.body).toString() });
  const signIn = await send(TIER, '/toa-soan/dang-nhap/gui', form({ body: { username: account.username, password: account.password } }));
  const cookie = sessionCookieOf(signIn);
  if (signIn.status !== 303 || !cookie || !String(signIn.headers.location).endsWith('/toa-soan/bao-mat/hai-lop')) return { cookie: null, failed: `sign-in: HTTP ${signIn.status} to ${signIn.headers.location}` };
  const start = await send(TIER, '/toa-soan/bao-mat/hai-lop/bat-dau', form({ headers: { cookie }, body: {} }));
  if (start.status !== 303) return { cookie: null, failed: `enrolment start: HTTP ${start.status}` };
  const page = await get(TIER, '/toa-soan/bao-mat/hai-lop', { ...PAGE_HEADERS, cookie });
  const secret = /data-testid="khoa-bi-mat">([^<]+)<\/code>/.exec(page.text())?.[1]?.replace(/\s/g, '');
  if (!secret) return { cookie: null, failed: `enrolment page: HTTP ${page.status}, no secret shown` };
  const confirm = await send(TIER, '/toa-soan/bao-mat/hai-lop/xac-nhan', form({ headers: { cookie }, body: { code: generateSync({ secret }) } }));
  if (confirm.status !== 200) return { cookie: null, failed: `enrolment code: HTTP ${confirm.status} to ${confirm.headers.location}` };
  return { cookie: sessionCookieOf(confirm) ?? cookie, failed: null };
}

/** A JSON POST of the editor (POST /toa-soan/bai-viet, .../xuat-ban) through the tier; its status and answer. */
async function editorPost(pathname, cookie, save) {
  const answer = await send(TIER, pathname, {
    method: 'POST',
    headers: { 'user-agent': BROWSER_UA, origin: TIER, 'content-type': 'application/json', accept: 'application/json', cookie },
    body: JSON.stringify(save),
  });
  let json = null;
  try {
    json = JSON.parse(answer.body.toString('utf8'));
  } catch {
    // not JSON: the status says what went wrong
  }
  return { status: answer.status, json };
}

/**
 * The demo articles the publish check reads around: X, a published article with keywords (the new one shares X's
 * first keyword and category), and an unrelated published article in another category sharing no keyword with it.
 */
function publishNeighbours() {
  const published = fs
    .readdirSync('db/seed/articles')
    .map((file) => JSON.parse(fs.readFileSync(path.join('db', 'seed', 'articles', file), 'utf8')))
    .filter((a) => (a.status ?? 'published') === 'published' && a.id !== SEED.article.id)
    .sort((a, b) => a.id - b.id);
  const related = published.find((a) => (a.keywords ?? []).length > 0);
  const keyword = related.keywords[0];
  const unrelated = published.find((a) => a.categoryId !== related.categoryId && !(a.keywords ?? []).includes(keyword));
  return { related, keyword, unrelated };
}

/** An article's URL as the site gives it: `/news/<category>/<id>` answers 308 to it (demo files may have no slug). */
async function canonicalUrl({ categoryId, id }) {
  const answer = await get(TIER, `/news/${categoryId}/${id}`);
  const location = answer.headers.location ? new URL(String(answer.headers.location), TIER).pathname : null;
  if (answer.status !== 308 || !location) throw new Error(`/news/${categoryId}/${id} answered ${answer.status}, not a 308 to the article`);
  return location;
}

/** GETs `pathname` on `base` until `shows` says yes or `limitMs` has passed, every `everyMs`; when, and how. */
async function pollUntilShown({ base, pathname, shows, from, everyMs = 100, limitMs = 10_000 }) {
  let stale = 0;
  while (performance.now() - from < limitMs) {
    const answer = await get(base, pathname);
    if (shows(answer)) {
      return { seconds: round((performance.now() - from) / 1000), staleAnswers: stale, cacheStatus: answer.headers['x-cache-status'] ?? answer.headers['x-nextjs-cache'] ?? null };
    }
    stale++;
    await sleep(everyMs);
  }
  return { seconds: null, staleAnswers: stale, cacheStatus: null };
}

/** The article page of `url` on a process until two answers in a row come from Next's cache (at most 12). */
async function twoAppHits(base, url) {
  const answers = [];
  const twoHits = () => answers.length >= 2 && answers.slice(-2).every((a) => a.status === 200 && a.headers['x-nextjs-cache'] === 'HIT');
  while (answers.length < 12 && !twoHits()) {
    answers.push(await get(base, url));
    if (!twoHits()) await sleep(150);
  }
  return { hits: twoHits(), statuses: answers.map((a) => `${a.status} ${a.headers['x-nextjs-cache']}`) };
}

/**
 * Issue #17: `Xuất bản` through the tier, as the editor sends it. A `lanh-dao` signs in (two-factor enrolment
 * included), saves a new draft in X's category with one of X's keywords (POST /toa-soan/bai-viet) and publishes it
 * (POST /toa-soan/bai-viet/<id>/xuat-ban). Before: the draft's URL answers 404 and no listing, sitemap or feed
 * names it, on the tier and on each process, all of them warm. From the publish answer on, every 100 ms on each:
 * the article (its title), home, the category's first page, the keyword's page, the sitemap, the news sitemap
 * and the feeds: each must show it within 2 s (docs/decisions/0014-http-cache-tier.md, note of 2026-12-03). An
 * unrelated article (another category, no shared keyword) stays a HIT of Next's cache on each process. X's
 * related rail is not checked: a new article reaches other articles' rails within 5 minutes (decision 0008).
 */
async function publishFreshness({ env, processes }) {
  heading('A newly published article through the tier and on each process');
  const { cookie, failed } = await signInLanhDao({ env });
  check('a lanh-dao signs in through the tier (two-factor enrolment included)', Boolean(cookie), failed ?? 'session cookie after the first code', 'signed in');
  if (!cookie) return { signedIn: false };
  const { related, keyword, unrelated } = publishNeighbours();
  const relatedPage = (await get(TIER, await canonicalUrl(related))).text();
  const keywordPath = new RegExp(`href="(/tu-khoa/[a-z0-9-]+)"[^>]*>${escapeHtml(keyword)}</a>`).exec(relatedPage)?.[1];
  if (!keywordPath) throw new Error(`article ${related.id} does not link its keyword ${keyword}`);

  const title = `Bản tin xuất bản thử trên cụm máy chủ lúc ${new Date().toISOString().slice(11, 19)}`;
  const draft = {
    title,
    sapo: 'Bài do lệnh kiểm tra cụm máy chủ viết và xuất bản, để đo thời gian bài mới hiện trên mọi trang.',
    categoryId: related.categoryId,
    byline: 'Kiểm tra cụm máy chủ',
    keywords: [keyword],
    slug: '',
    leadImage: null,
    body: [{ type: 'paragraph', spans: [{ text: 'Nội dung bài kiểm tra xuất bản: một đoạn văn, một từ khóa chung với bài cùng chuyên mục.' }] }],
  };
  const created = await editorPost('/toa-soan/bai-viet', cookie, { baseVersion: 0, draft });
  if (created.status !== 201 || !created.json?.id) throw new Error(`the new draft was not saved: HTTP ${created.status} ${JSON.stringify(created.json)}`);
  const { id, version, slug } = created.json;
  const articleUrl = `/news/${related.categoryId}/${id}/${slug}`;
  const unrelatedUrl = await canonicalUrl(unrelated);

  const targets = [{ name: 'tier', base: TIER }, ...processes.map((p, i) => ({ name: `process ${i + 1} (:${PORTS.apps[i]})`, base: p.base }))];
  const sitemap = /<sitemapindex/.test((await get(TIER, '/sitemap.xml')).text()) ? null : '/sitemap.xml';
  if (!sitemap) throw new Error('/sitemap.xml is an index: the check expects one file at this size');
  const absolute = `${TIER}${articleUrl}`;
  const inPage = (a) => a.status === 200 && a.text().includes(`href="${articleUrl}"`);
  const inXml = (a) => a.status === 200 && a.text().includes(absolute);
  const pages = [
    { name: 'article', path: articleUrl, shows: (a) => a.status === 200 && a.text().includes(`>${escapeHtml(title)}</h1>`) },
    { name: 'home', path: '/', shows: inPage },
    { name: `category ${related.categoryId}`, path: `/news/${related.categoryId}`, shows: inPage },
    { name: `keyword ${keywordPath}`, path: keywordPath, shows: inPage },
    { name: 'sitemap', path: sitemap, shows: inXml },
    { name: 'news sitemap', path: '/news-sitemap.xml', shows: inXml },
    { name: 'RSS', path: '/rss.xml', shows: inXml },
    { name: `category ${related.categoryId} RSS`, path: `/news/${related.categoryId}/rss.xml`, shows: inXml },
  ];

  // Before: everything warm (twice each) and none of it showing the draft; the draft's own URL a 404.
  const early = [];
  for (const target of targets) {
    for (const page of pages) {
      for (let i = 0; i < 2; i++) {
        const answer = await get(target.base, page.path);
        const wrong = page.name === 'article' ? answer.status !== 404 : answer.status !== 200 || page.shows(answer);
        if (wrong && i === 1) early.push(`${target.name} ${page.name}: HTTP ${answer.status}`);
      }
    }
  }
  check('before publication the draft is on no public page (tier and both processes, warm)', early.length === 0, early.length ? early.join('; ') : `${pages.length} pages × ${targets.length}: 404 for its URL, absent elsewhere`, 'absent');
  const unrelatedBefore = await Promise.all(processes.map((p) => twoAppHits(p.base, unrelatedUrl)));

  const publish = await editorPost(`/toa-soan/bai-viet/${id}/xuat-ban`, cookie, { baseVersion: version, draft });
  const published = performance.now();
  if (publish.status !== 200 || publish.json?.publicPath !== articleUrl) throw new Error(`publishing failed: HTTP ${publish.status} ${JSON.stringify(publish.json)}`);
  console.log(`  article ${id} in category ${related.categoryId} with keyword “${keyword}” (shared with article ${related.id}) published; polling every 100 ms from the answer`);
  const seen = await Promise.all(
    targets.flatMap((target) => pages.map(async (page) => ({ target: target.name, page: page.name, ...(await pollUntilShown({ base: target.base, pathname: page.path, shows: page.shows, from: published })) }))),
  );
  for (const target of targets) {
    const of = seen.filter((s) => s.target === target.name);
    console.log(`  ${target.name}: ${of.map((s) => `${s.page} ${s.seconds === null ? '>10' : fmt(s.seconds, 2)} s${s.staleAnswers ? ` (${s.staleAnswers} without)` : ''}`).join(', ')}`);
  }
  const worst = Math.max(...seen.map((s) => s.seconds ?? Infinity));
  const worstOf = (name) => Math.max(...seen.filter((s) => s.target === name).map((s) => s.seconds ?? Infinity));
  check(
    'a newly published article through the tier and on each process (article, home, category, keyword, sitemaps, feeds)',
    worst < MAX_PUBLISH_SECONDS,
    `${fmt(worst, 2)} s at worst (${targets.map((t) => `${t.name.split(' (')[0]} ${fmt(worstOf(t.name), 2)} s`).join(', ')})`,
    `< ${MAX_PUBLISH_SECONDS} s`,
  );

  // After: each process has applied the publication (it shows the article), and the unrelated page is still its cached copy.
  const unrelatedAfter = await Promise.all(processes.map((p) => get(p.base, unrelatedUrl)));
  const kept = unrelatedBefore.every((b) => b.hits) && unrelatedAfter.every((a) => a.status === 200 && a.headers['x-nextjs-cache'] === 'HIT');
  check(
    `an unrelated article (${unrelatedUrl}) stays in each process's cache across the publication`,
    kept,
    processes.map((_, i) => `process ${i + 1}: ${unrelatedBefore[i].statuses.slice(-2).join(', ')} before, ${unrelatedAfter[i].status} ${unrelatedAfter[i].headers['x-nextjs-cache']} after`).join('; '),
    'HIT before and after',
  );
  return {
    id,
    articleUrl,
    keyword,
    related: related.id,
    unrelated: unrelatedUrl,
    seen,
    worstSeconds: round(worst),
    worstByTarget: Object.fromEntries(targets.map((t) => [t.name, round(worstOf(t.name))])),
    unrelatedKept: kept,
  };
}

/** GET load over cached and uncached URLs; one app process is killed (SIGKILL) in the middle: no 5xx. */
async function killOne({ processes, accessLog, errorLog }) {
  heading(`One app process killed (SIGKILL) after ${KILL.killAt} s of ${KILL.seconds} s of GET load (${KILL.concurrency} connections)`);
  const cached = [SEED_URL, '/', '/news/17', '/news/18', ...Array.from({ length: 20 }, (_, n) => generatedUrl(n))];
  for (const url of cached) await get(TIER, url);
  const uncached = Array.from({ length: GENERATED.kill }, (_, n) => generatedUrl(GENERATED.hit + GENERATED.rsc + n));
  const searches = ['bản tin', 'ban tin', 'thử nghiệm', 'thu nghiem', 'bộ đệm', 'bo dem', 'tiến trình', 'tien trinh', 'máy chủ', 'may chu'];
  let nextUncached = 0;
  let lastUncached = -Infinity;
  const started = performance.now();
  const victim = processes[1];
  let killedAt = null;
  const offset = fs.statSync(accessLog).size;
  const timer = setTimeout(() => {
    process.kill(victim.pid, 'SIGKILL');
    killedAt = performance.now() - started;
    console.log(`  ${fmt(killedAt / 1000, 2)} s: killed process 2 (pid ${victim.pid}, :${PORTS.apps[1]})`);
  }, KILL.killAt * 1000);
  const { answers, seconds } = await runRequests({
    base: TIER,
    concurrency: KILL.concurrency,
    until: () => performance.now() - started > KILL.seconds * 1000,
    next: (i) => {
      const now = performance.now();
      if (nextUncached < uncached.length && now - lastUncached >= KILL.uncachedEveryMs) {
        lastUncached = now;
        return { path: uncached[nextUncached++], headers: PAGE_HEADERS, kind: 'uncached article' };
      }
      if (i % 10 === 0) return { path: `/tim-kiem?q=${encodeURIComponent(searches[i % searches.length])}`, headers: PAGE_HEADERS, kind: 'search (never cached)' };
      return { path: cached[i % cached.length], headers: PAGE_HEADERS, kind: 'cached page' };
    },
  });
  clearTimeout(timer);
  await sleep(200);
  const after = answers.filter((a) => killedAt !== null && a.startedAt + a.ms >= killedAt);
  const byKind = {};
  for (const kind of ['cached page', 'uncached article', 'search (never cached)']) {
    const of = answers.filter((a) => a.kind === kind);
    byKind[kind] = { requests: of.length, statuses: tally(of, (a) => a.status), afterKill: after.filter((a) => a.kind === kind).length };
  }
  const fiveXx = answers.filter((a) => a.status >= 500).length;
  const failed = answers.filter((a) => a.status === 0);
  const upstreamAfter = (() => {
    const text = fs.readFileSync(accessLog, 'utf8').slice(offset);
    return tally(text.split('\n').filter(Boolean), (line) => /upstream=(.+?) time=/.exec(line)?.[1] ?? '?');
  })();
  const result = {
    requests: answers.length,
    seconds: round(seconds, 1),
    killedAtSeconds: round((killedAt ?? NaN) / 1000),
    answeredAfterKill: after.length,
    statuses: tally(answers, (a) => a.status),
    cacheStatus: tally(answers, (a) => String(a.headers['x-cache-status'] ?? 'none')),
    byKind,
    fiveXx,
    networkErrors: failed.length,
    upstreams: upstreamAfter,
  };
  // A GET whose answer was being streamed from the killed process when it died cannot be sent again: the status
  // line and part of the body have reached the client, which sees the connection cut. nginx logs each one; any
  // other failure (a cached page, or one sent to the live process) fails the check.
  const cutByCrash = fs
    .readFileSync(errorLog, 'utf8')
    .split('\n')
    .filter((line) => /while reading upstream,/.test(line) && line.includes(`upstream: "http://127.0.0.1:${PORTS.apps[1]}`))
    .map((line) => /request: "GET (\S+) HTTP/.exec(line)?.[1])
    .filter(Boolean);
  const unexplained = failed.filter((a) => {
    const at = cutByCrash.indexOf(a.path);
    if (at === -1) return true;
    cutByCrash.splice(at, 1);
    return false;
  });
  result.cutByCrash = failed.length - unexplained.length;
  result.otherFailures = unexplained.length;
  for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind}: ${fmt(k.requests)} GETs (${fmt(k.afterKill)} after the kill), statuses ${JSON.stringify(k.statuses)}`);
  console.log(`  X-Cache-Status ${JSON.stringify(result.cacheStatus)}; nginx's upstream field over the run: ${JSON.stringify(upstreamAfter)}`);
  for (const a of failed) console.log(`  cut off: ${a.kind} ${a.path} (${a.error})${unexplained.includes(a) ? '' : ': being sent by the killed process when it died (nginx error log)'}`);
  check('GETs while one process dies: 5xx', killedAt !== null && after.length > 0 && fiveXx === 0, `${fmt(answers.length)} GETs (${fmt(after.length)} after the kill), ${fiveXx} 5xx`, '0');
  check(
    'GETs while one process dies: failures other than answers cut by the crash',
    unexplained.length === 0,
    `${unexplained.length} (${result.cutByCrash} cut mid-answer by the crash)`,
    '0',
  );
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Summary

function markdown(results) {
  const { machine, settings } = results;
  const lines = [];
  lines.push(`## npm run test:cluster — ${machine.date}`);
  lines.push('');
  lines.push(`Machine: ${describeMachine(machine)}; load average ${machine.loadAverage.join(', ')} at the start, ${results.loadAverageEnd.join(', ')} at the end.`);
  lines.push(`Database: ${settings.db === 'postgres' ? `PostgreSQL ${results.database.version}` : 'SQLite, one file shared by both processes'}; ${results.database.articles} articles. Two app processes, nginx ${results.nginxVersion}. Took ${fmt(results.seconds, 0)} s.`);
  lines.push('');
  const h = results.hits;
  if (h) {
    lines.push(`| ${fmt(h.requests)} GETs over ${GENERATED.hit} articles | |`);
    lines.push('| --- | --- |');
    lines.push(`| served by the cache tier | ${pct(h.share)} (${Object.entries(h.cacheStatus).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}) |`);
    lines.push(`| latency p50 / p99, all answers | ${ms(h.p50)} / ${ms(h.p99)} |`);
    lines.push(`| latency p50 / p99, HITs | ${ms(h.hitP50)} / ${ms(h.hitP99)} |`);
    lines.push(`| rate (${HIT_CONCURRENCY} connections, Node client) | ${fmt(h.requestsPerSecond)} req/s |`);
    lines.push('');
  }
  const t = results.throughput;
  if (t) {
    lines.push(`| wrk, ${t.connections} connections, ${WRK.rounds} × ${WRK.seconds} s alternating | req/s (mean) | rounds | p50 | p99 |`);
    lines.push('| --- | ---: | --- | ---: | ---: |');
    lines.push(`| (a) seed article through the tier, ${fmt(t.bytes)} bytes gzipped | ${fmt(t.a.requestsPerSecond)} | ${t.a.rounds.map((n) => fmt(n)).join(', ')} | ${ms(t.a.p50)} | ${ms(t.a.p99)} |`);
    lines.push(`| (b) same bytes, static file, same nginx | ${fmt(t.b.requestsPerSecond)} | ${t.b.rounds.map((n) => fmt(n)).join(', ')} | ${ms(t.b.p50)} | ${ms(t.b.p99)} |`);
    lines.push(`| (c) same page from one app process, no tier | ${fmt(t.c.requestsPerSecond)} | ${t.c.rounds.map((n) => fmt(n)).join(', ')} | ${ms(t.c.p50)} | ${ms(t.c.p99)} |`);
    lines.push('');
  }
  const v = results.views;
  if (v) {
    lines.push(`View POSTs: ${fmt(v.posts)} in ${fmt(v.seconds, 1)} s, stored count +${fmt(v.rise)}; per process ${Object.entries(v.perProcess).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}.`);
  }
  const e = results.edit;
  if (e) lines.push(`Edited title seen after: ${e.seen.map((s) => `${s.target} ${s.seconds === null ? '>15' : fmt(s.seconds, 2)} s`).join(', ')}.`);
  const p = results.publish;
  if (p?.worstByTarget) lines.push(`Published article seen everywhere after (worst page per target): ${Object.entries(p.worstByTarget).map(([target, seconds]) => `${target} ${fmt(seconds, 2)} s`).join(', ')}.`);
  const k = results.kill;
  if (k) {
    lines.push(
      `Kill: ${fmt(k.requests)} GETs in ${fmt(k.seconds, 1)} s, process 2 killed at ${fmt(k.killedAtSeconds, 1)} s, ${fmt(k.answeredAfterKill)} answered after; ` +
        `${k.fiveXx} 5xx; ${k.networkErrors} cut off, ${k.cutByCrash} of them mid-answer from the killed process ` +
        `(${Object.entries(k.byKind).map(([kind, x]) => `${kind} ${fmt(x.requests)}`).join(', ')}).`,
    );
  }
  lines.push('');
  lines.push('| Check | Measured | Target | |');
  lines.push('| --- | --- | --- | --- |');
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  for (const c of checks) lines.push(`| ${cell(c.name)} | ${cell(c.measured)} | ${cell(c.target)} | ${c.pass ? 'PASS' : 'FAIL'} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const settings = readSettings();
  const began = performance.now();
  const watchdog = setTimeout(() => {
    console.error(`\ntest:cluster: still running after ${TIME_LIMIT_MS / 60_000} minutes: stopping`);
    process.exit(1);
  }, TIME_LIMIT_MS);
  watchdog.unref();
  const machine = machineInfo();
  console.log(`test:cluster on ${describeMachine(machine)}; load average ${machine.loadAverage.join(', ')}; database: ${settings.db}`);

  ensureDebianPackages(
    [
      { pkg: 'nginx', path: NGINX_BIN },
      { pkg: 'wrk', path: WRK_BIN },
      { pkg: 'chromium', path: '/usr/bin/chromium' },
      ...(settings.db === 'postgres' ? [{ pkg: PG_PACKAGE, path: path.join(PG_BIN, 'initdb') }] : []),
    ],
    'npm run test:cluster',
  );
  const nginxVersion = /nginx\/(\S+)/.exec((await run(NGINX_BIN, ['-v'])).trim())?.[1] ?? '?';
  if (settings.build) buildIfChanged();
  else if (!hasBuild()) throw new Error('--no-build, but there is no build in .next');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'));
  fs.chmodSync(dir, 0o755); // nginx's workers (www-data) and PostgreSQL (postgres) reach their parts of it
  let passed = false;
  process.on('exit', () => {
    if (passed && !settings.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`\nThe run's files (databases, logs, nginx cache) are in ${dir}`);
  });
  const nginxDir = path.join(dir, 'nginx');
  const staticDir = path.join(nginxDir, 'static');
  for (const sub of [nginxDir, staticDir, path.join(dir, 'pg')]) fs.mkdirSync(sub, { recursive: true });

  // The database, shared by both processes.
  heading(`Database: ${settings.db}`);
  let database;
  let pg = null;
  if (settings.db === 'postgres') {
    pg = startPostgres({ dir: path.join(dir, 'pg'), port: PORTS.postgres });
    console.log(`  PostgreSQL ${pg.version} on 127.0.0.1:${PORTS.postgres}: ${pg.url}`);
    database = { url: pg.url, version: pg.version };
  } else {
    database = { url: `file:${path.join(dir, 'portal.db')}`, version: null };
  }
  const env = { ...process.env, DATABASE_URL: database.url, MEDIA_DIR: path.join(dir, 'media'), NEXT_TELEMETRY_DISABLED: '1' };
  await run('npm', ['run', '--silent', 'db:seed'], { env, tail: 1 });
  const generated = writeGeneratedArticles(path.join(dir, 'generated'));
  const importStarted = performance.now();
  await run('npm', ['run', '--silent', 'content:import', '--', path.join(dir, 'generated')], { env, tail: 1 });
  console.log(`  ${generated} generated articles imported in ${fmt((performance.now() - importStarted) / 1000, 1)} s`);
  database.articles = fs.readdirSync('db/seed/articles').length + generated;

  // Two app processes and the tier.
  heading('Two app processes and nginx');
  // NEWSROOM_SECRET: one value for both processes, made for this run (the newsroom's checks sign in).
  const appEnv = { ...env, HOST: '127.0.0.1', TRUST_PROXY: '1', VIEW_RATE_LIMIT: '0', SITE_URL: TIER, NEWSROOM_SECRET: randomBytes(24).toString('hex') };
  const processes = await Promise.all(PORTS.apps.map((port, i) => startServer({ port, env: appEnv, logFile: path.join(dir, `app-${i + 1}.log`) })));
  processes.forEach((p, i) => console.log(`  process ${i + 1}: pid ${p.pid}, ${p.base}`));
  // The static copy gets the headers the page has (taken from a process: the tier adds only its own).
  const pageHeaders = (await get(processes[0].base, SEED_URL, { ...PAGE_HEADERS, 'accept-encoding': 'gzip' })).headers;
  const copied = Object.entries(pageHeaders).filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type'].includes(name));
  const quote = (value) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const staticServer = `
    # The static copy of the seed article, for the throughput comparison: same bytes, same headers.
    server {
        listen 127.0.0.1:${PORTS.static};
        server_tokens off;
        access_log ${nginxDir}/logs/static.access.log portal;
        root ${staticDir};
        etag off;
        location = /article.html {
            types { }
            default_type ${quote(pageHeaders['content-type'])};
${copied.map(([name, value]) => `            add_header ${name} ${quote(Array.isArray(value) ? value.join(', ') : value)} always;`).join('\n')}
        }
    }
`;
  const portalConf = path.join(nginxDir, 'portal.conf');
  const accessLog = path.join(nginxDir, 'logs', 'portal.access.log');
  fs.writeFileSync(
    portalConf,
    portalConfFor(fs.readFileSync(PORTAL_CONF, 'utf8'), {
      listen: `127.0.0.1:${PORTS.tier}`,
      upstreams: [`127.0.0.1:${PORTS.apps[0]}`, `127.0.0.1:${PORTS.apps[1]}`],
      cacheDir: path.join(nginxDir, 'cache'),
      logDir: path.join(nginxDir, 'logs'),
    }),
  );
  const nginxConf = path.join(nginxDir, 'nginx.conf');
  fs.writeFileSync(nginxConf, mainConf({ dir: nginxDir, portalConf, extra: staticServer }));
  const nginx = await startNginx({ dir: nginxDir, conf: nginxConf, ports: [PORTS.tier, PORTS.static] });
  console.log(`  nginx ${nginxVersion}: master pid ${nginx.pid}, ${TIER} (portal.conf) and ${STATIC} (static copy)`);

  const results = { machine, settings, nginxVersion, database, ports: PORTS };
  results.acceptance = await acceptance({ env, dir });
  results.rsc = await rscIsolation();
  results.newsroom = await newsroomThroughTheTier({ env });
  results.hits = await cacheHits();
  results.throughput = await throughput({ staticFile: path.join(staticDir, 'article.html'), direct: processes[0].base });
  results.views = await viewPosts({ accessLog });
  results.edit = await editFreshness({ env, dir: path.join(dir, 'edit'), processes });
  results.publish = await publishFreshness({ env, processes });
  results.kill = await killOne({ processes, accessLog, errorLog: path.join(nginxDir, 'logs', 'portal.error.log') });

  await processes[0].stop();
  await processes[1].stop();
  nginx.stop();
  if (pg) results.contract = await contractTests(pg);
  pg?.stop();
  results.loadAverageEnd = loadAverage();
  results.seconds = round((performance.now() - began) / 1000, 1);
  results.checks = checks;
  results.passed = checks.every((c) => c.pass);
  fs.mkdirSync(path.join('data', 'cluster'), { recursive: true });
  const out = path.join('data', 'cluster', `results-${machine.iso.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${markdown(results)}\n\nFigures: ${out}`);
  passed = results.passed;
  if (!passed) {
    console.error(`\ntest:cluster FAILED: ${checks.filter((c) => !c.pass).map((c) => c.name).join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('\ntest:cluster passed.');
  }
}

main().catch((error) => {
  console.error(`\ntest:cluster failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
