// npm run soak — mixed traffic at a steady rate for a few minutes against the production server (issue #7). A
// load test with verdicts: it prints a Markdown summary, writes it as JSON to data/soak/results-<time>.json, and
// exits 1 unless every request was answered as expected and memory stayed flat.
//
// 1. Copies a generated archive (data/soak/archive-<N>.db, made once by db:generate-demo on top of the demo
//    content; --regen to redo) to a fresh data/soak/soak.db, builds if the sources changed (unless --no-build),
//    and starts the server as `npm start` does, on 127.0.0.1 only, with VIEW_RATE_LIMIT=0: every request comes
//    from 127.0.0.1, so the per-client limit would stop counting views after 60 a minute.
// 2. Sends requests on a fixed schedule (open loop: a slow answer never delays the next request, and latency
//    runs from the time a request was due, not from when it went out), over keep-alive connections, drawn from
//    a fixed mix of route families (FAMILIES below).
// 3. Reads the server's resident memory every 10 s. The baseline is the first reading after the warm-up, when
//    the process has loaded its routes and Next's in-memory caches have filled (bounded in next.config.js).
// 4. Checks that every answer had its family's status (404 only for the 404 family, 308 for old URLs), that
//    resident memory grew less than 20% from the baseline to the end, and that each article's stored view
//    count rose by exactly the number of POSTs answered `counted: true`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { mulberry32 } from '../lib/random.mjs';
import { ensureBuild } from './lib/build.mjs';
import {
  BROWSER_UA,
  benchServerEnv,
  copyDatabase,
  describeMachine,
  ensureGenerated,
  fmt,
  loadAverage,
  machineInfo,
  mib,
  ms,
  percentile,
  positiveOption,
  readCpuSeconds,
  readMemory,
  roundTo,
  SEED_ARTICLE,
  startServer,
  verdict,
} from './lib/bench.mjs';

const MAX_MINUTES = 15;
// About 60% of one core for the server on this project's 2-CPU machine when nothing else runs: a steady load
// with room to spare. 150 requests/s of this mix is past what one server process renders (README, Soak test).
const DEFAULT_RATE = 50;
const USAGE = `Usage: npm run soak -- [--quick] [--minutes M] [--warmup S] [--rate N] [--articles N] [--seed N] [--no-build] [--regen] [--port P]
  --quick        smoke run: 30 s in all, 10 s of it warm-up
  --minutes M    length of the traffic, warm-up included (default 3, at most ${MAX_MINUTES})
  --warmup S     seconds at the start not used as the memory baseline nor in latency figures (default 30)
  --rate N       requests a second, all families together (default ${DEFAULT_RATE})
  --articles N   generated articles in the archive (default 5000)
  --seed N       seed of the request mix (default 1): the same seed sends the same requests
  --no-build     use the existing .next build as it is
  --regen        generate the archive again
  --port P       server port, on 127.0.0.1 (default 3850)`;

const SAMPLE_EVERY_MS = 10_000;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_SOCKETS = 64;
const MAX_RSS_GROWTH = 0.2;
const MIN_RATE_SHARE = 0.95;
const HOT_ARTICLES = 20;
const HOT_SHARE = 0.7;
const BOT_SHARE_OF_VIEWS = 0.1;
const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const FEED_UA = 'Feedly/1.0 (+http://www.feedly.com/fetcher.html)';
// What a browser asks for a page: compressed, as every browser does.
const PAGE_HEADERS = { 'user-agent': BROWSER_UA, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'vi-VN,vi;q=0.9', 'accept-encoding': 'gzip' };

// With and without diacritics, common and rare words, a phrase that matches nothing; some asked for page 2.
const SEARCHES = [
  'hội nghị', 'hoi nghi', 'đồng chí', 'dong chi', 'đại hội', 'dai hoi', 'nông thôn mới', 'nong thon moi', 'thái bình',
  'thai binh', 'kiến xương', 'kien xuong', 'tiền hải', 'tien hai', 'bóng chuyền', 'bong chuyen', 'lễ hội chùa keo',
  'le hoi chua keo', 'bảo hiểm y tế', 'bao hiem y te', 'khu công nghiệp', 'khu cong nghiep', 'nghệ thuật chèo',
  'nghe thuat cheo', 'hiến máu', 'hien mau', 'chuyển đổi số', 'chuyen doi so', 'ocop', 'vụ đông', 'vu dong',
  'thủy sản', 'thuy san', 'xyzzy không có', 'covid-19',
];

const BENCH_DIR = path.resolve('data', 'soak');
const MEDIA_DIR = path.join(BENCH_DIR, 'media');
const SOAK_DB = path.join(BENCH_DIR, 'soak.db');
const SERVER_LOG = path.join(BENCH_DIR, 'server.log');
// Where Next 16 keeps rendered pages on disk (the in-memory cache in front of it is bounded in next.config.js).
const PAGE_CACHE_DIR = path.resolve('.next', 'server', 'route-cache');

// ---------------------------------------------------------------------------------------------------------
// Settings and formatting

function readSettings() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      minutes: { type: 'string' },
      warmup: { type: 'string' },
      rate: { type: 'string' },
      articles: { type: 'string' },
      seed: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      regen: { type: 'boolean', default: false },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name, fallback) => positiveOption(values, name, fallback, USAGE);
  const minutes = positive('minutes', values.quick ? 0.5 : 3);
  const warmup = positive('warmup', values.quick ? 10 : 30);
  if (minutes > MAX_MINUTES) throw new Error(`--minutes is at most ${MAX_MINUTES}\n${USAGE}`);
  if (warmup + SAMPLE_EVERY_MS / 1000 > minutes * 60) throw new Error(`--warmup must leave at least 10 s of traffic after it\n${USAGE}`);
  return {
    quick: values.quick,
    build: !values['no-build'],
    regen: values.regen,
    seconds: minutes * 60,
    warmup,
    rate: positive('rate', DEFAULT_RATE),
    articles: Math.round(positive('articles', 5000)),
    seed: Math.round(positive('seed', 1)),
    port: Math.round(positive('port', process.env.SOAK_PORT ?? 3850)),
  };
}

const pct = (n) => `${n >= 0 ? '+' : ''}${fmt(n * 100, 1)}%`;

// The generator's PRNG: the same seed draws the same request mix.
const seededRandom = mulberry32;

// ---------------------------------------------------------------------------------------------------------
// The database: a generated archive, copied fresh for every run


async function prepareDatabase(settings) {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const archive = path.join(BENCH_DIR, `archive-${settings.articles}.db`);
  await ensureGenerated({ file: archive, size: settings.articles, mediaDir: MEDIA_DIR, regen: settings.regen });
  await copyDatabase(archive, SOAK_DB);
  console.log(`Copied ${path.relative(process.cwd(), archive)} to ${path.relative(process.cwd(), SOAK_DB)}.`);
}

/** What the mix draws from: every published article, the newest ones (hot), listings and their page counts. */
function readCatalogue() {
  const db = new Database(SOAK_DB, { readonly: true, fileMustExist: true });
  try {
    const published = "status = 'published' AND published_at <= unixepoch()";
    const articles = db.prepare(`SELECT id, category_id AS categoryId, slug FROM articles WHERE ${published} ORDER BY published_at DESC, id`).all();
    const categories = db.prepare(`SELECT category_id AS id, count(*) AS total FROM articles WHERE ${published} GROUP BY 1`).all();
    const keywords = db
      .prepare(
        `SELECT k.slug, count(*) AS total FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
         WHERE ak.published_at IS NOT NULL AND ak.published_at <= unixepoch() GROUP BY k.id`,
      )
      .all();
    const pages = (total) => Math.max(1, Math.ceil(total / 20)); // PAGE_SIZE in db/queries/teasers.ts
    return {
      articles,
      hot: articles.slice(0, HOT_ARTICLES),
      categories: categories.map((c) => ({ id: c.id, pages: pages(c.total) })),
      keywords: keywords.map((k) => ({ slug: k.slug, pages: pages(k.total) })),
      maxArticleId: db.prepare('SELECT max(id) FROM articles').pluck().get(),
    };
  } finally {
    db.close();
  }
}

function readStoredViews() {
  const db = new Database(SOAK_DB, { readonly: true, fileMustExist: true });
  try {
    return new Map(db.prepare('SELECT article_id AS id, views FROM article_views').all().map((row) => [row.id, row.views]));
  } finally {
    db.close();
  }
}

/** Pages in Next's disk cache (one .meta file each) and the bytes they take. */
function pageCacheSize() {
  const size = { pages: 0, bytes: 0 };
  const visit = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        size.bytes += fs.statSync(full).size;
        if (entry.name.endsWith('.meta')) size.pages++;
      }
    }
  };
  visit(PAGE_CACHE_DIR);
  return size;
}

// ---------------------------------------------------------------------------------------------------------
// The mix: each family has a share of the requests, draws its URLs and says which status it expects

function buildFamilies(catalogue, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Hot: the newest articles (and the seed article), the first ones most often (weights 1, 1/2, 1/3...).
  const hot = [SEED_ARTICLE, ...catalogue.hot];
  const hotWeights = hot.map((_, i) => 1 / (i + 1));
  const hotTotal = hotWeights.reduce((a, b) => a + b, 0);
  const pickHot = () => {
    let r = random() * hotTotal;
    return hot.find((_, i) => (r -= hotWeights[i]) < 0) ?? hot[0];
  };
  const pickArticle = () => (random() < HOT_SHARE ? pickHot() : pick(catalogue.articles));
  const articleUrl = (a) => `/news/${a.categoryId}/${a.id}/${a.slug}`;
  const listingPage = (pages, firstShare) => (random() < firstShare || pages === 1 ? 1 : 2 + Math.floor(random() * (pages - 1)));
  let unknown = 0;
  const unknownId = () => catalogue.maxArticleId + 1_000 + unknown++;

  return [
    {
      name: 'article', share: 50, label: `article pages (${HOT_SHARE * 100}% the ${HOT_ARTICLES + 1} hot ones, the rest any of the archive)`, expect: 200,
      next: () => {
        const article = pickArticle();
        return { path: articleUrl(article), check: (body) => body.includes(articleUrl(article)) || 'the page does not carry its own URL' };
      },
    },
    {
      name: 'category', share: 8, label: 'category pages, `?trang=N` half of the time', expect: 200,
      next: () => {
        const category = pick(catalogue.categories);
        const page = listingPage(category.pages, 0.5);
        return { path: page > 1 ? `/news/${category.id}?trang=${page}` : `/news/${category.id}` };
      },
    },
    {
      name: 'keyword', share: 4, label: 'keyword pages, `?trang=N` a third of the time', expect: 200,
      next: () => {
        const keyword = pick(catalogue.keywords);
        const page = listingPage(keyword.pages, 2 / 3);
        return { path: `/tu-khoa/${keyword.slug}${page > 1 ? `?trang=${page}` : ''}` };
      },
    },
    { name: 'home', share: 6, label: 'home page', expect: 200, next: () => ({ path: '/' }) },
    {
      name: 'search', share: 4, label: `searches (${SEARCHES.length} queries, with and without diacritics; page 2 one time in 5)`, expect: 200,
      next: () => ({ path: `/tim-kiem?q=${encodeURIComponent(pick(SEARCHES))}${random() < 0.2 ? '&trang=2' : ''}` }),
    },
    {
      name: 'view POST', share: 20, label: `view POSTs to the same articles (${BOT_SHARE_OF_VIEWS * 100}% with a crawler's user agent: not counted)`, expect: 200,
      next: () => {
        const article = pickArticle();
        const bot = random() < BOT_SHARE_OF_VIEWS;
        return {
          method: 'POST', path: `/api/articles/${article.id}/views`, headers: { 'user-agent': bot ? BOT_UA : BROWSER_UA, 'content-length': '0' },
          view: { id: article.id, bot },
          check: (body) => {
            const answer = JSON.parse(body);
            return answer.counted === !bot && Number.isInteger(answer.views) ? true : `answered ${body}`;
          },
        };
      },
    },
    {
      name: '404', share: 4, label: 'unknown articles (page and view POST), paths, keywords, listing pages past the last', expect: 404,
      next: () => {
        const kind = Math.floor(random() * 5);
        if (kind === 0) return { path: `/news/${pick(catalogue.categories).id}/${unknownId()}/bai-khong-ton-tai` };
        if (kind === 1) return { method: 'POST', path: `/api/articles/${unknownId()}/views`, headers: { 'content-length': '0' } };
        if (kind === 2) return { path: `/trang-khong-co-${unknown++}` };
        if (kind === 3) return { path: `/tu-khoa/tu-khoa-khong-co-${unknown++}` };
        const category = pick(catalogue.categories);
        return { path: `/news/${category.id}?trang=${category.pages + 1 + Math.floor(random() * 100)}` };
      },
    },
    {
      name: 'old URL', share: 2, label: 'old-site URLs (no slug, or category 0): redirected', expect: 308,
      next: () => {
        const article = pickArticle();
        return { path: random() < 0.5 ? `/news/${article.categoryId}/${article.id}` : `/news/0/${article.id}/${article.slug}` };
      },
    },
    {
      name: 'feeds', share: 2, label: 'RSS, sitemaps, robots.txt', expect: 200,
      next: () => {
        const feeds = ['/rss.xml', `/news/${pick(catalogue.categories).id}/rss.xml`, '/sitemap.xml', '/news-sitemap.xml', '/robots.txt'];
        return { path: pick(feeds), headers: { 'user-agent': random() < 0.5 ? FEED_UA : BOT_UA } };
      },
    },
  ];
}

function familyPicker(families, random) {
  const total = families.reduce((sum, f) => sum + f.share, 0);
  return () => {
    let r = random() * total;
    return families.find((f) => (r -= f.share) < 0) ?? families[0];
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sending

/** One request; resolves (never rejects) with its status, headers and body, or the error that ended it. */
function send({ base, agent, request }) {
  return new Promise((resolve) => {
    const url = new URL(request.path, base);
    const req = http.request(url, { method: request.method ?? 'GET', agent, headers: { ...PAGE_HEADERS, ...request.headers } });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), REQUEST_TIMEOUT_MS);
    req.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error: error.message === 'timeout' ? 'timeout' : `connection: ${error.code ?? error.message}` });
    });
    req.once('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.once('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}

function decode({ headers, body }) {
  return (headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');
}

/** What went wrong with an answer, or null: connection errors, timeouts, 5xx, other statuses, bad bodies. */
function problemOf(family, request, answer) {
  if (answer.error) return answer.error.startsWith('timeout') ? 'timeout' : 'connection error';
  if (answer.status >= 500) return '5xx';
  if (answer.status !== family.expect) return 'unexpected status';
  if (!request.check) return null;
  try {
    const result = request.check(decode(answer));
    return result === true ? null : `bad body: ${result}`;
  } catch (error) {
    return `bad body: ${error.message}`;
  }
}

function answeredCounted(answer) {
  try {
    return JSON.parse(decode(answer)).counted === true;
  } catch {
    return false;
  }
}

const bump = (counts, key) => (counts[key] = (counts[key] ?? 0) + 1);

/**
 * Collects the answers: per family (statuses, cache results, problems, latencies after the warm-up), per
 * 10-second window of due times (to set beside the memory and load readings), and the views counted.
 */
function createRecorder({ families, warmup }) {
  const tallies = new Map(families.map((f) => [f.name, { name: f.name, label: f.label, share: f.share, expect: f.expect, requests: 0, statuses: {}, cache: {}, problems: {}, latencies: [] }]));
  const windows = [];
  const counted = new Map();
  const views = { posts: 0, counted: 0, notCounted: 0 };
  const errors = [];
  const add = ({ family, request, answer, t, latency }) => {
    const tally = tallies.get(family.name);
    const window = (windows[Math.floor((t * 1000) / SAMPLE_EVERY_MS)] ??= { requests: 0, errors: 0, latencies: [] });
    tally.requests++;
    window.requests++;
    window.latencies.push(latency);
    bump(tally.statuses, answer.error ? 'no answer' : String(answer.status));
    if (answer.headers?.['x-nextjs-cache']) bump(tally.cache, answer.headers['x-nextjs-cache']);
    if (t >= warmup) tally.latencies.push(latency);
    const problem = problemOf(family, request, answer);
    if (problem) {
      bump(tally.problems, problem);
      window.errors++;
      if (errors.length < 20) errors.push({ t: roundTo(t, 1), family: family.name, method: request.method ?? 'GET', path: request.path, status: answer.status ?? null, problem, error: answer.error });
    }
    if (request.view && answer.status === 200) {
      views.posts++;
      const yes = answeredCounted(answer);
      views[yes ? 'counted' : 'notCounted']++;
      if (yes) counted.set(request.view.id, (counted.get(request.view.id) ?? 0) + 1);
    }
  };
  return { add, tallies, windows, counted, views, errors };
}

/**
 * Sends `rate` requests a second for `seconds`, each at its due time whatever the answers before it, and waits
 * for the last answers. Returns what the recorder collected, how late requests went out, and the readings.
 */
async function runTraffic({ base, settings, families, pid }) {
  const random = seededRandom(settings.seed);
  const pickFamily = familyPicker(families, random);
  const recorder = createRecorder({ families, warmup: settings.warmup });
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const total = Math.round(settings.seconds * settings.rate);
  const interval = 1000 / settings.rate;
  const inFlight = new Set();
  const lags = [];
  const samples = [];
  const started = performance.now();
  const sample = () =>
    samples.push({ t: Math.round((performance.now() - started) / 1000), ...readMemory(pid), cpuSeconds: readCpuSeconds(pid), load1: loadAverage()[0], inFlight: inFlight.size });
  sample();
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);

  const one = async (due) => {
    const family = pickFamily();
    const request = family.next();
    lags.push(performance.now() - due);
    const answer = await send({ base, agent, request });
    recorder.add({ family, request, answer, t: (due - started) / 1000, latency: performance.now() - due });
  };
  let sent = 0;
  await new Promise((resolve) => {
    const tick = () => {
      for (const now = performance.now(); sent < total && started + sent * interval <= now; sent++) {
        const promise = one(started + sent * interval);
        inFlight.add(promise);
        promise.finally(() => inFlight.delete(promise));
      }
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, started + sent * interval - performance.now()));
    };
    tick();
  });
  const lastSent = performance.now();
  await Promise.all(inFlight);
  const drained = performance.now();
  clearInterval(sampler);
  sample();
  agent.destroy();
  const sortedLags = lags.sort((a, b) => a - b);
  const { tallies, windows, counted, views, errors } = recorder;
  return {
    tallies: [...tallies.values()], windows: summariseWindows(windows), counted, views, errors, samples,
    traffic: { scheduled: total, sent, sendingSeconds: (lastSent - started) / 1000, drainSeconds: (drained - lastSent) / 1000, lagP99: percentile(sortedLags, 99), lagMax: sortedLags.at(-1) },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Verdicts and report

function summariseFamily(tally) {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const errors = Object.values(tally.problems).reduce((a, b) => a + b, 0);
  const { latencies, ...rest } = tally;
  return {
    ...rest, errors, measured: latencies.length,
    p50: roundTo(percentile(sorted, 50), 1), p95: roundTo(percentile(sorted, 95), 1), p99: roundTo(percentile(sorted, 99), 1), max: roundTo(sorted.at(-1), 1),
  };
}

function summariseWindows(windows) {
  return Array.from(windows, (w, i) => {
    const sorted = (w?.latencies ?? []).sort((a, b) => a - b);
    return { t: (i * SAMPLE_EVERY_MS) / 1000, requests: w?.requests ?? 0, errors: w?.errors ?? 0, p99: roundTo(percentile(sorted, 99), 1) };
  });
}

function checkViews(before, after, counted) {
  let mismatches = 0;
  let rise = 0;
  for (const [id, views] of after) {
    const change = views - (before.get(id) ?? 0);
    rise += change;
    if (change !== (counted.get(id) ?? 0)) mismatches++;
  }
  const answered = [...counted.values()].reduce((a, b) => a + b, 0);
  return { articles: counted.size, answeredCounted: answered, storedRise: rise, mismatchedArticles: mismatches, exact: mismatches === 0 && rise === answered };
}

function memorySummary(samples, warmup) {
  const baseline = samples.find((s) => s.t >= warmup) ?? samples[0];
  const end = samples.at(-1);
  const total = (s) => s.rssKiB + s.childrenRssKiB;
  const after = samples.filter((s) => s.t >= baseline.t);
  return {
    baselineT: baseline.t, startKiB: total(baseline), endKiB: total(end), maxKiB: Math.max(...after.map(total)), peakKiB: end.peakKiB,
    growth: total(end) / total(baseline) - 1, childPids: end.childPids,
    // Share of one CPU core the server used from the baseline to the end.
    cpuShare: (end.cpuSeconds - baseline.cpuSeconds) / Math.max(1, end.t - baseline.t),
  };
}

function serverLogErrors() {
  const lines = fs.existsSync(SERVER_LOG) ? fs.readFileSync(SERVER_LOG, 'utf8').split('\n') : [];
  return lines.filter((line) => /error|⨯|unhandled|failed|exception/i.test(line));
}

function evaluate({ families, memory, viewsCheck, traffic, settings, logErrors }) {
  const errors = families.reduce((sum, f) => sum + f.errors, 0);
  const achieved = traffic.sent / traffic.sendingSeconds;
  return [
    { name: 'errors: connection errors, timeouts (10 s), 5xx, unexpected statuses, bad bodies', shown: fmt(errors), target: '0', pass: errors === 0 },
    { name: `server RSS growth, ${memory.baselineT} s (after warm-up) to the end`, shown: `${mib(memory.startKiB)} → ${mib(memory.endKiB)} (${pct(memory.growth)})`, target: `< ${MAX_RSS_GROWTH * 100}%`, pass: memory.growth < MAX_RSS_GROWTH },
    { name: 'stored view counts rose by exactly the POSTs answered `counted: true`', shown: `${fmt(viewsCheck.answeredCounted)} counted, stored +${fmt(viewsCheck.storedRise)}, ${viewsCheck.mismatchedArticles} article(s) off`, target: 'exact', pass: viewsCheck.exact },
    { name: 'rate sent', shown: `${fmt(achieved, 1)} req/s`, target: `≥ ${fmt(settings.rate * MIN_RATE_SHARE, 1)} req/s`, pass: achieved >= settings.rate * MIN_RATE_SHARE },
    { name: 'server log lines reporting an error', shown: fmt(logErrors.length), target: '0', pass: logErrors.length === 0 },
  ];
}

/** Readings every 10 s as columns: server memory and CPU, the machine's load, and the requests due between. */
function timeTable(samples, windows) {
  const row = (label, cells) => `| ${label} | ${cells.join(' | ')} |`;
  const before = (i, pick) => (i > 0 && windows[i - 1] ? pick(windows[i - 1]) : '–');
  return [
    row('t (s)', samples.map((s) => s.t)),
    row('---', samples.map(() => '---:')),
    row('server RSS (MiB)', samples.map((s) => fmt((s.rssKiB + s.childrenRssKiB) / 1024))),
    row('server CPU (% of a core)', samples.map((s, i) => (i ? fmt((100 * (s.cpuSeconds - samples[i - 1].cpuSeconds)) / Math.max(1, s.t - samples[i - 1].t)) : '–'))),
    row('load (1 min)', samples.map((s) => fmt(s.load1, 1))),
    row('requests', samples.map((_, i) => before(i, (w) => fmt(w.requests)))),
    row('errors', samples.map((_, i) => before(i, (w) => fmt(w.errors)))),
    row('p99 (ms)', samples.map((_, i) => before(i, (w) => fmt(w.p99)))),
  ];
}

const statusText = (counts) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${fmt(n)}`).join(', ') || '–';

function report({ machine, loadAtEnd, settings, families, memory, samples, windows, viewsCheck, views, traffic, pageCache, checks, errors, logErrors }) {
  // The soak itself keeps about one CPU busy (server and client), so the load at the end counts from there.
  const busy = machine.loadAverage[0] > machine.cpus / 2 || loadAtEnd[0] > machine.cpus / 2 + 1;
  const answered = families.reduce((sum, f) => sum + f.requests, 0);
  const lines = [
    '## npm run soak',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${describeMachine(machine)}`,
    `- Load average (1/5/15 min): ${machine.loadAverage.join(' / ')} at the start, ${loadAtEnd.join(' / ')} at the end` +
      (busy ? `: other work was using this machine's ${machine.cpus} CPUs, so latencies are higher than on a quiet machine` : ''),
    `- Settings: ${fmt(settings.rate)} requests/s for ${fmt(settings.seconds)} s (the first ${settings.warmup} s warm-up), mix seed ${settings.seed}; ` +
      `\`${path.relative(process.cwd(), SOAK_DB)}\`, a copy of ${fmt(settings.articles)} generated articles and the demo content; server on 127.0.0.1:${settings.port} with VIEW_RATE_LIMIT=0; ` +
      `keep-alive, at most ${MAX_SOCKETS} connections, gzip asked for, ${REQUEST_TIMEOUT_MS / 1000} s timeout`,
    `- Traffic: ${fmt(traffic.sent)} requests sent in ${fmt(traffic.sendingSeconds, 1)} s (${fmt(traffic.sent / traffic.sendingSeconds, 1)} req/s), ${fmt(answered)} finished ` +
      `(the last ${fmt(traffic.drainSeconds * 1000, 0)} ms after the last was sent); requests went out at most ${ms(traffic.lagMax)} late (p99 ${ms(traffic.lagP99)}); ` +
      `the server used ${ms((1000 * (samples.at(-1).cpuSeconds - samples[0].cpuSeconds)) / Math.max(1, answered))} of CPU per request on average`,
    '',
    '### Requests per route family',
    '',
    `Latency from the time a request was due to the last byte of its answer, over the ${fmt(settings.seconds - settings.warmup)} s after the warm-up; requests, statuses and errors over the whole run.`,
    '',
    '| Family | Share | Requests | Statuses | x-nextjs-cache | Errors | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...families.map((f) =>
      `| ${f.name} | ${f.share}% | ${fmt(f.requests)} | ${statusText(f.statuses)} | ${statusText(f.cache)} | ${f.errors ? `**${fmt(f.errors)}** (${statusText(f.problems)})` : '0'} | ` +
      `${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} |`,
    ),
    '',
    ...families.map((f) => `- ${f.name}: ${f.label}; expected ${f.expect}`),
    '',
    '### Over time',
    '',
    'Readings every 10 s; the request rows count the requests due in the 10 s before each reading.',
    '',
    ...timeTable(samples, windows),
    '',
    `Baseline ${mib(memory.startKiB)} at ${memory.baselineT} s, end ${mib(memory.endKiB)} (${pct(memory.growth)}), highest reading after the baseline ${mib(memory.maxKiB)}, ` +
      `peak (VmHWM) ${mib(memory.peakKiB)}; ${memory.childPids.length ? `child processes ${memory.childPids.join(' ')} included` : 'no child processes'}. ` +
      `Server CPU after the warm-up: ${fmt(memory.cpuShare * 100)}% of one core. ` +
      `Next's page cache on disk (\`.next/server/route-cache\`, emptied before the start): ${fmt(pageCache.pages)} pages, ${mib(pageCache.bytes / 1024)} at the end.`,
    '',
    `Views: ${fmt(views.posts)} POSTs answered 200 for ${fmt(viewsCheck.articles)} articles, ${fmt(views.counted)} \`counted: true\` and ${fmt(views.notCounted)} \`counted: false\` (crawler user agent); ` +
      `stored counts rose by ${fmt(viewsCheck.storedRise)} in all, ${viewsCheck.mismatchedArticles} article(s) off.`,
    '',
    '### Checks',
    '',
    '| Check | Measured | Target | Result |',
    '| --- | --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${c.shown} | ${c.target} | ${verdict(c.pass)} |`),
    '',
    `Overall: ${verdict(checks.every((c) => c.pass))}`,
  ];
  if (errors.length) lines.push('', 'First errors:', ...errors.map((e) => `- ${e.t} s ${e.family}: ${e.method} ${e.path} → ${e.status ?? e.error} (${e.problem})`));
  if (logErrors.length) lines.push('', `Server log (${path.relative(process.cwd(), SERVER_LOG)}), first error lines:`, ...logErrors.slice(0, 10).map((l) => `    ${l.slice(0, 300)}`));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------


async function soak(settings) {
  const catalogue = readCatalogue();
  const families = buildFamilies(catalogue, seededRandom(settings.seed + 1));
  // A fresh start, as after a deploy: no page rendered by an earlier run (from another copy of the database).
  fs.rmSync(PAGE_CACHE_DIR, { recursive: true, force: true });
  const server = await startServer({ port: settings.port, env: benchServerEnv(SOAK_DB, MEDIA_DIR), logFile: SERVER_LOG });
  try {
    const before = readStoredViews();
    console.log(
      `\nSoak: server pid ${server.pid} on ${server.base}; ${fmt(catalogue.articles.length)} published articles; ` +
        `${fmt(settings.rate)} req/s for ${fmt(settings.seconds)} s (warm-up ${settings.warmup} s)...`,
    );
    const result = await runTraffic({ base: server.base, settings, families, pid: server.pid });
    return { ...result, viewsCheck: checkViews(before, readStoredViews(), result.counted), pageCache: pageCacheSize() };
  } finally {
    await server.stop();
  }
}

async function main() {
  const settings = readSettings();
  const machine = machineInfo();
  console.log(`npm run soak — ${machine.date}; ${describeMachine(machine)}`);
  console.log(`Settings: ${JSON.stringify(settings)}`);
  const started = performance.now();

  await prepareDatabase(settings);
  ensureBuild(settings);
  const { tallies, windows, views, viewsCheck, errors, samples, traffic, pageCache } = await soak(settings);

  const loadAtEnd = loadAverage();
  const families = tallies.map(summariseFamily);
  const memory = memorySummary(samples, settings.warmup);
  const logErrors = serverLogErrors();
  const checks = evaluate({ families, memory, viewsCheck, traffic, settings, logErrors });
  const text = report({ machine, loadAtEnd, settings, families, memory, samples, windows, viewsCheck, views, traffic, pageCache, checks, errors, logErrors });
  const resultsFile = path.join(BENCH_DIR, `results-${machine.iso.replace(/[:.]/g, '-')}.json`);
  const elapsedSeconds = Math.round((performance.now() - started) / 1000);
  const json = { machine, loadAtEnd, settings, traffic, families, memory, samples, windows, views, viewsCheck, pageCache, checks, errors, logErrors: logErrors.slice(0, 50), elapsedSeconds };
  fs.writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n${text}\n\nWhole run: ${elapsedSeconds} s. Figures also in ${path.relative(process.cwd(), resultsFile)}.`);
  if (!checks.every((c) => c.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\nSoak test stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
