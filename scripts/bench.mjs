// npm run bench — what a page costs next to a static file of the same bytes (issue #6). A benchmark, not a
// timed test: it prints its figures, writes them to data/bench/results-<time>.json, and exits 1 when a target
// is missed.
//
// 1. Seeds a fresh database (data/bench/bench.db), builds (unless --no-build), starts the production server
//    once to fetch the seed article and write its bytes to public/bench/static-article.html (`next start`
//    only serves public/ files that existed when it started), then starts it again.
// 2. Drives with autocannon over loopback, alternating, a fixed time each: (a) the seed article, warm;
//    (b) that static file; (c) the category page; (d) the view POST. Target: a/b and c/b at least 0.25.
// 3. Cost growth, on generated databases of 1,000 and 100,000 articles: first (after 10 other articles warm up the
//    new process) the cold (first) render of 20
//    articles never requested before (target at 100,000: every one under 50 ms), then a, b and c as above.
//    Target: the warm article ratio a/b at 100,000 at least 90% of the one at 1,000.
// 4. The server's resident memory after each benchmark: under 300 MiB.
// 5. The photo crawl (scripts/lib/bench-photos.mjs): 1,000 photo variants never requested before, 8 at a time, on
//    a server of its own; its resident memory, read every 250 ms during the crawl and for 20 s after, stays under
//    300 MiB. `--only photos` runs this case alone (after the seed and the build).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { bin, hasBuild, markBuilt, sourceHash } from './lib/build.mjs';
import { answerFaults, compareAnswers, photoCrawl, photoPeakKiB, photoReport } from './lib/bench-photos.mjs';
import {
  BROWSER_UA,
  benchServerEnv,
  demoArchivePath,
  describeMachine,
  ensureGenerated,
  fmt,
  GENERATED_START_ID,
  loadAverage,
  machineInfo,
  mib,
  ms,
  PAGE_HEADERS,
  percentile,
  positiveOption,
  readMemory,
  removeDatabase,
  roundTo,
  runCommand,
  runLoad,
  SEED_ARTICLE,
  startServer,
  timedGet,
  verdict,
  waitForIdle,
} from './lib/bench.mjs';

const USAGE = `Usage: npm run bench -- [--only photos] [--quick] [--no-build] [--regen] [--duration S] [--warmup S] [--rounds N] [--connections N] [--port P]
                  [--photos N] [--photo-concurrency N] [--compare-photos results.json]
  --only photos  the photo crawl alone
  --quick        smoke run: 2 rounds of 2 s, 1 s warm-up
  --no-build     use the existing .next build
  --regen        generate the 1,000 and 100,000 article databases again
  --duration S   seconds per measured run (default 10)
  --warmup S     seconds of warm-up per target, not measured (default 3)
  --rounds N     rounds of the alternating targets (default 3)
  --connections  autocannon connections (default 32)
  --port P       server port, on 127.0.0.1 (default 3400)
  --photos N     photo variants the crawl asks for (default 1000)
  --photo-concurrency N  of them at a time (default 8)
  --compare-photos F     says how many photos were served with the same bytes as in an earlier results file`;

const ARTICLE = SEED_ARTICLE;
const PATHS = {
  a: `/news/${ARTICLE.categoryId}/${ARTICLE.id}/${ARTICLE.slug}`,
  b: '/bench/static-article.html',
  c: `/news/${ARTICLE.categoryId}`,
  d: `/api/articles/${ARTICLE.id}/views`,
};
const TARGETS = {
  a: { label: '(a) article, warm', method: 'GET', path: PATHS.a },
  b: { label: '(b) static file, same bytes', method: 'GET', path: PATHS.b },
  c: { label: '(c) category page', method: 'GET', path: PATHS.c },
  d: { label: '(d) view POST', method: 'POST', path: PATHS.d },
};

const MIN_RATIO = 0.25;
const MAX_RATIO_FALL = 0.1;
const COLD_ARTICLES = 20;
// Articles rendered first on a fresh server, not counted: a new process compiles (JIT) the render path on its
// first pages, which says nothing about what a render costs on a server that has been running.
const WARMUP_ARTICLES = 10;
const COLD_MAX_MS = 50;
const RSS_MAX_MIB = 300;
const GROWTH_SIZES = [1_000, 100_000];
const PHOTO_AFTER_SECONDS = 20;

const BENCH_DIR = path.resolve('data', 'bench');
const MEDIA_DIR = path.join(BENCH_DIR, 'media');
const MAIN_DB = path.join(BENCH_DIR, 'bench.db');
const STATIC_FILE = path.resolve('public', PATHS.b.slice(1));

function readSettings() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      photos: { type: 'string' },
      'photo-concurrency': { type: 'string' },
      'compare-photos': { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      regen: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name, fallback) => positiveOption(values, name, fallback, USAGE);
  if (values.only !== undefined && values.only !== 'photos') throw new Error(`--only takes "photos"\n${USAGE}`);
  return {
    onlyPhotos: values.only === 'photos',
    photos: Math.round(positive('photos', 1000)),
    photoConcurrency: Math.round(positive('photo-concurrency', 8)),
    comparePhotos: values['compare-photos'],
    quick: values.quick,
    build: !values['no-build'],
    regen: values.regen,
    duration: positive('duration', values.quick ? 2 : 10),
    warmup: positive('warmup', values.quick ? 1 : 3),
    rounds: Math.round(positive('rounds', values.quick ? 2 : 3)),
    connections: Math.round(positive('connections', 32)),
    port: Math.round(positive('port', process.env.BENCH_PORT ?? 3400)),
  };
}


// ---------------------------------------------------------------------------------------------------------
// Formatting

function runLine(label, run) {
  const { result, latencies, seconds } = run;
  const sorted = [...latencies].sort((x, y) => x - y);
  return (
    `  ${label.padEnd(30)} ${fmt(result['2xx'] / seconds).padStart(7)} req/s   p50 ${ms(percentile(sorted, 50)).padStart(9)}   ` +
    `p99 ${ms(percentile(sorted, 99)).padStart(9)}   2xx ${result['2xx']}  non-2xx ${result.non2xx}  errors ${result.errors - result.timeouts}  timeouts ${result.timeouts}` +
    `  (server idle ${fmt(run.drainMs / 1000, 1)} s after)`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

/**
 * Warm-up, then `rounds` rounds of the targets one after the other; per target: mean req/s, p50/p99 over all
 * rounds. With several servers, each round runs the targets on each server in turn, so that all of them are
 * measured in the same minutes (what the machine is doing otherwise changes from minute to minute).
 */
async function benchTargets({ servers, keys, settings }) {
  const load = (base, key, seconds) =>
    runLoad({ base, method: TARGETS[key].method, path: TARGETS[key].path, connections: settings.connections, seconds, headers: PAGE_HEADERS });
  console.log(`  warm-up: ${settings.warmup} s per target, not measured`);
  for (const { base } of servers) {
    for (const key of keys) {
      await load(base, key, settings.warmup);
      await waitForIdle(base);
    }
  }
  const runs = servers.map(() => Object.fromEntries(keys.map((key) => [key, []])));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [index, { base, name }] of servers.entries()) {
      for (const key of keys) {
        const run = await load(base, key, settings.duration);
        run.drainMs = await waitForIdle(base);
        runs[index][key].push(run);
        console.log(runLine(`${name ? `${name}: ` : ''}${TARGETS[key].label} #${round}`, run));
      }
    }
  }
  return runs.map((perKey) => Object.fromEntries(keys.map((key) => [key, summarize(key, perKey[key])])));
}

function summarize(key, runs) {
  const latencies = runs.flatMap((run) => run.latencies).sort((x, y) => x - y);
  const rates = runs.map((run) => run.result['2xx'] / run.seconds);
  const responses = runs.reduce((sum, run) => sum + run.result['2xx'], 0);
  return {
    label: TARGETS[key].label,
    method: TARGETS[key].method,
    path: TARGETS[key].path,
    reqPerSec: roundTo(rates.reduce((sum, r) => sum + r, 0) / rates.length, 1),
    reqPerSecRounds: rates.map((r) => roundTo(r, 1)),
    p50: roundTo(percentile(latencies, 50), 2),
    p99: roundTo(percentile(latencies, 99), 2),
    responses,
    bytesPerResponse: Math.round(runs.reduce((sum, run) => sum + run.result.throughput.total, 0) / (responses || 1)),
    non2xx: runs.reduce((sum, run) => sum + run.result.non2xx, 0),
    // autocannon counts a timeout (no answer in 10 s) as an error too
    errors: runs.reduce((sum, run) => sum + run.result.errors - run.result.timeouts, 0),
    timeouts: runs.reduce((sum, run) => sum + run.result.timeouts, 0),
  };
}

/** Fails early, before minutes of measuring, when a target does not answer as it should. */
async function checkTargets(base, keys) {
  const article = await timedGet(`${base}${PATHS.a}`, { headers: PAGE_HEADERS });
  for (const key of keys.filter((k) => TARGETS[k].method === 'GET')) {
    const { status, body } = await timedGet(`${base}${TARGETS[key].path}`, { headers: PAGE_HEADERS });
    if (status !== 200) throw new Error(`GET ${TARGETS[key].path} answered ${status}`);
    if (key === 'b' && Math.abs(body.length - article.body.length) > article.body.length * 0.1) {
      console.warn(`  note: the static file (${body.length} bytes) and the article page (${article.body.length} bytes) differ by over 10%`);
    }
  }
  if (keys.includes('d')) {
    const response = await fetch(`${base}${PATHS.d}`, { method: 'POST', headers: { 'user-agent': BROWSER_UA } });
    const answer = await response.json();
    if (response.status !== 200 || answer.counted !== true) throw new Error(`POST ${PATHS.d} does not count: ${response.status} ${JSON.stringify(answer)}`);
  }
}

/**
 * Times, one at a time, the first request of each article. The first WARMUP_ARTICLES warm up the new process
 * (the first of them also loads the route): reported apart, not counted.
 */
async function coldRenders(base, articles) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const timings = [];
  try {
    for (const article of articles) {
      const url = `/news/${article.categoryId}/${article.id}/${article.slug}`;
      const { status, body, ms: took } = await timedGet(`${base}${url}`, { agent, headers: PAGE_HEADERS });
      if (status !== 200 || !body.includes(url)) throw new Error(`GET ${url} answered ${status}${status === 200 ? ' without its own URL' : ''}`);
      timings.push({ id: article.id, ms: Number(took.toFixed(2)) });
    }
  } finally {
    agent.destroy();
  }
  const [first, ...rest] = timings.slice(0, WARMUP_ARTICLES);
  const cold = timings.slice(WARMUP_ARTICLES);
  const sorted = cold.map((t) => t.ms).sort((x, y) => x - y);
  return { routeLoad: first, warmup: rest, articles: cold, median: percentile(sorted, 50), max: sorted.at(-1) };
}

// ---------------------------------------------------------------------------------------------------------
// Databases

async function seedMainDatabase() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  removeDatabase(MAIN_DB);
  await runCommand(process.execPath, [bin('tsx'), 'db/seed/run.ts'], { env: benchServerEnv(MAIN_DB, MEDIA_DIR) });
}


/** count+1 published generated articles, one from each of count+1 equal slices of the ids, in random order. */
function pickColdArticles(file, count) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, category_id AS categoryId, slug FROM articles
         WHERE id >= ? AND status = 'published' AND published_at <= unixepoch() ORDER BY id`,
      )
      .all(GENERATED_START_ID);
    const slice = rows.length / count;
    const picked = Array.from({ length: count }, (_, i) => rows[Math.floor(i * slice + Math.random() * slice)]);
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    return picked;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Phases

async function buildSite(settings) {
  if (!settings.build) {
    if (!hasBuild()) throw new Error('--no-build, but there is no build in .next: run without it');
    console.log('\nUsing the existing build (--no-build).');
    return;
  }
  console.log('\nBuilding (next build)...');
  const hash = sourceHash();
  await runCommand(process.execPath, [bin('next'), 'build'], { env: benchServerEnv(MAIN_DB, MEDIA_DIR) });
  markBuilt(hash);
}

/** The article page's bytes as a static file, written before the server that serves it starts. */
async function writeStaticCopy(settings) {
  const server = await startServer({ port: settings.port, env: benchServerEnv(MAIN_DB, MEDIA_DIR), logFile: path.join(BENCH_DIR, 'server-static.log') });
  try {
    const { status, body } = await timedGet(`${server.base}${PATHS.a}`, { headers: PAGE_HEADERS });
    if (status !== 200) throw new Error(`GET ${PATHS.a} answered ${status}`);
    fs.mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
    fs.writeFileSync(STATIC_FILE, body);
    console.log(`Wrote ${path.relative(process.cwd(), STATIC_FILE)}: ${fmt(body.length)} bytes, the article page's HTML as served.`);
    return body.length;
  } finally {
    await server.stop();
  }
}

async function mainBenchmark(settings) {
  const server = await startServer({ port: settings.port, env: benchServerEnv(MAIN_DB, MEDIA_DIR), logFile: path.join(BENCH_DIR, 'server-main.log') });
  try {
    await checkTargets(server.base, ['a', 'b', 'c', 'd']);
    console.log(`\nMain benchmark (seeded database, server pid ${server.pid}, ${server.base}):`);
    const [targets] = await benchTargets({ servers: [server], keys: ['a', 'b', 'c', 'd'], settings });
    return { targets, memory: readMemory(server.pid) };
  } finally {
    await server.stop();
  }
}

/**
 * Cost growth: a server on each generated database, both running at once. First the cold renders on each (no
 * page of theirs has been asked for yet), then the article, static file and category page, alternating
 * between the two servers round by round, so that both are measured under the same conditions.
 */
async function growthBenchmarks(settings) {
  const servers = [];
  try {
    for (const [index, size] of GROWTH_SIZES.entries()) {
      const file = await ensureGenerated({ file: demoArchivePath(BENCH_DIR, size), size, mediaDir: MEDIA_DIR, regen: settings.regen });
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      const port = settings.port + 1 + index;
      const server = await startServer({ port, env: benchServerEnv(file, MEDIA_DIR), logFile: path.join(BENCH_DIR, `server-${label}.log`) });
      servers.push({ ...server, size, file, name: `${fmt(size)} articles`, articles: pickColdArticles(file, WARMUP_ARTICLES + COLD_ARTICLES) });
    }
    const results = [];
    for (const server of servers) {
      console.log(`\nCost growth, ${fmt(server.size)} generated articles (${path.relative(process.cwd(), server.file)}, server pid ${server.pid}, ${server.base}):`);
      // Before anything else on this server: no article has been asked for yet.
      const cold = await coldRenders(server.base, server.articles);
      console.log(
        `  cold renders of ${cold.articles.length} articles never requested (ids ${cold.articles.map((a) => a.id).join(', ')}):\n` +
          `    ${cold.articles.map((a) => fmt(a.ms, 1)).join(', ')} ms\n` +
          `    median ${ms(cold.median)}, max ${ms(cold.max)}; before them, ${WARMUP_ARTICLES} other articles warmed up the new process, not counted: ` +
          `the first (loads the route) ${ms(cold.routeLoad.ms)}, then ${cold.warmup.map((a) => fmt(a.ms, 1)).join(', ')} ms`,
      );
      await checkTargets(server.base, ['a', 'b', 'c']);
      results.push({ size: server.size, database: path.relative(process.cwd(), server.file), cold });
    }
    console.log(`\nCost growth, warm, ${servers.map((s) => s.name).join(' and ')} alternately:`);
    const targets = await benchTargets({ servers, keys: ['a', 'b', 'c'], settings });
    return results.map((result, i) => ({ ...result, targets: targets[i], memory: readMemory(servers[i].pid) }));
  } finally {
    for (const server of servers) await server.stop();
  }
}

/** The photo crawl on a server of its own, the photo store emptied first (scripts/lib/bench-photos.mjs). */
async function photoBenchmark(settings) {
  console.log(`\nPhoto crawl: ${fmt(settings.photos)} photo variants never requested before, ${settings.photoConcurrency} at a time, memory read every 250 ms until ${PHOTO_AFTER_SECONDS} s after...`);
  const result = await photoCrawl({
    port: settings.port,
    env: benchServerEnv(MAIN_DB, MEDIA_DIR),
    mediaDir: MEDIA_DIR,
    logFile: path.join(BENCH_DIR, 'server-photos.log'),
    requests: settings.photos,
    concurrency: settings.photoConcurrency,
    afterSeconds: PHOTO_AFTER_SECONDS,
  });
  if (settings.comparePhotos) {
    const earlier = JSON.parse(fs.readFileSync(settings.comparePhotos, 'utf8'));
    result.comparison = { file: settings.comparePhotos, ...compareAnswers(result.answers, earlier.photos?.answers ?? []) };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Verdicts and report

function photoChecks(photos) {
  const peak = photoPeakKiB(photos);
  const { notOk, wrongType, notFirst } = answerFaults(photos.answers);
  const checks = [
    { name: `server RSS during and ${PHOTO_AFTER_SECONDS} s after the photo crawl, highest reading`, shown: mib(peak), target: `< ${RSS_MAX_MIB} MiB`, pass: peak < RSS_MAX_MIB * 1024 },
    {
      name: 'photo variants not answered 200 in the format asked, or not encoded for the crawl',
      shown: fmt(notOk + wrongType + notFirst),
      target: '0',
      pass: notOk + wrongType + notFirst === 0,
    },
  ];
  const comparison = photos.comparison;
  if (comparison) {
    checks.push({
      name: `photos served with the same bytes and format as in ${comparison.file}`,
      shown: `${fmt(comparison.same)} of ${fmt(comparison.compared)}`,
      target: 'all',
      pass: comparison.compared > 0 && comparison.same === comparison.compared,
    });
  }
  return checks;
}

function evaluate(main, growth) {
  const ratio = (t, x) => t[x].reqPerSec / t.b.reqPerSec;
  const checks = [
    { name: 'a/b (article warm / static file)', value: ratio(main.targets, 'a'), shown: fmt(ratio(main.targets, 'a'), 3), target: `>= ${MIN_RATIO}` },
    { name: 'c/b (category page / static file)', value: ratio(main.targets, 'c'), shown: fmt(ratio(main.targets, 'c'), 3), target: `>= ${MIN_RATIO}` },
  ].map((c) => ({ ...c, pass: c.value >= MIN_RATIO }));
  const [small, large] = growth;
  const change = ratio(large.targets, 'a') / ratio(small.targets, 'a');
  checks.push({
    name: `warm article a/b at ${fmt(large.size)} vs ${fmt(small.size)}`,
    value: change,
    shown: `${fmt(ratio(large.targets, 'a'), 3)} vs ${fmt(ratio(small.targets, 'a'), 3)} (× ${fmt(change, 3)})`,
    target: `>= × ${fmt(1 - MAX_RATIO_FALL, 2)}`,
    pass: change >= 1 - MAX_RATIO_FALL,
  });
  checks.push({ name: `cold article render, max of ${COLD_ARTICLES} at ${fmt(large.size)}`, value: large.cold.max, shown: ms(large.cold.max), target: `< ${COLD_MAX_MS} ms`, pass: large.cold.max < COLD_MAX_MS });
  for (const [name, memory] of [['main', main.memory], ...growth.map((g) => [fmt(g.size), g.memory])]) {
    const kib = memory.rssKiB + memory.childrenRssKiB;
    checks.push({ name: `server RSS after the ${name} benchmark`, value: kib, shown: mib(kib), target: `< ${RSS_MAX_MIB} MiB`, pass: kib < RSS_MAX_MIB * 1024 });
  }
  const runs = [main.targets, ...growth.map((g) => g.targets)].flatMap((t) => Object.values(t));
  const failed = runs.reduce((sum, t) => sum + t.non2xx + t.errors + t.timeouts, 0);
  const silent = runs.filter((t) => t.responses === 0).length;
  checks.push({ name: 'measured requests not answered 2xx in 10 s (timeouts, errors, other statuses)', value: failed, shown: fmt(failed), target: '0', pass: failed === 0 });
  checks.push({ name: 'targets that got no 2xx answer in any round', value: silent, shown: fmt(silent), target: '0', pass: silent === 0 });
  return checks;
}

function targetTable(targets) {
  const lines = ['| Target | req/s (mean) | per round | p50 | p99 | bytes/answer |', '| --- | ---: | --- | ---: | ---: | ---: |'];
  for (const t of Object.values(targets)) {
    lines.push(`| ${t.label}: \`${t.method} ${t.path}\` | ${fmt(t.reqPerSec)} | ${t.reqPerSecRounds.map((r) => fmt(r)).join(' / ')} | ${ms(t.p50)} | ${ms(t.p99)} | ${fmt(t.bytesPerResponse)} |`);
  }
  return lines;
}

function checkTable(checks) {
  return [
    '| Check | Measured | Target | Result |',
    '| --- | --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${c.shown} | ${c.target} | ${verdict(c.pass)} |`),
    '',
    `Overall: ${verdict(checks.every((c) => c.pass))}`,
  ];
}

function photoOnlyReport({ machine, photos, checks }) {
  return [
    '## npm run bench -- --only photos',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${describeMachine(machine)}`,
    '',
    ...photoReport(photos, RSS_MAX_MIB),
    '',
    ...checkTable(checks),
  ].join('\n');
}

function report({ machine, settings, staticBytes, main, growth, photos, checks, loadAtEnd }) {
  const busy = Math.max(machine.loadAverage[0], loadAtEnd[0]) > machine.cpus / 2;
  const memoryNote = (m) => `${mib(m.rssKiB)} (peak ${mib(m.peakKiB)}, pid ${m.pid}${m.childPids.length ? `, children ${m.childPids.join(' ')}: ${mib(m.childrenRssKiB)}` : ', no child processes'})`;
  const lines = [
    '## npm run bench',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${describeMachine(machine)}`,
    `- Load: autocannon over loopback, ${settings.connections} connections, ${settings.rounds} round(s) of ${settings.duration} s per target, alternating, after ${settings.warmup} s warm-up each; no compression asked for`,
    `- Static file: \`public${PATHS.b}\`, ${fmt(staticBytes)} bytes, the article page's HTML as served`,
    `- Load average (1/5/15 min): ${machine.loadAverage.join(' / ')} at the start, ${loadAtEnd.join(' / ')} at the end` +
      (busy ? `: other work was using this machine's ${machine.cpus} CPUs, so absolute figures are low and noisy (ratios less so)` : ''),
    '',
    '### Seeded database',
    '',
    ...targetTable(main.targets),
    '',
    `Server RSS after: ${memoryNote(main.memory)}`,
    '',
    '### Cost growth',
    '',
    '| Articles | a req/s | b req/s | c req/s | a/b | c/b | a p50 / p99 | c p50 / p99 | cold median | cold max | RSS after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...growth.map(({ size, targets: { a, b, c }, cold, memory }) =>
      `| ${fmt(size)} | ${fmt(a.reqPerSec)} | ${fmt(b.reqPerSec)} | ${fmt(c.reqPerSec)} | ${fmt(a.reqPerSec / b.reqPerSec, 3)} | ${fmt(c.reqPerSec / b.reqPerSec, 3)} | ` +
      `${fmt(a.p50, 1)} / ${fmt(a.p99, 1)} ms | ${fmt(c.p50, 1)} / ${fmt(c.p99, 1)} ms | ${ms(cold.median)} | ${ms(cold.max)} | ${mib(memory.rssKiB + memory.childrenRssKiB)} |`,
    ),
    '',
    `Cold: the first request of each of ${COLD_ARTICLES} generated articles, one at a time, before anything else was measured on that server (time to the last byte, loopback), after ${WARMUP_ARTICLES} other articles warmed up the new process (the first of them loads the route: ${growth.map((g) => `${fmt(g.size)}: ${ms(g.cold.routeLoad.ms)}`).join(', ')}), not counted.`,
    '',
    '### Photo crawl',
    '',
    ...photoReport(photos, RSS_MAX_MIB),
    '',
    '### Targets',
    '',
    ...checkTable(checks),
  ];
  return lines.join('\n');
}

async function main() {
  const settings = readSettings();
  const machine = machineInfo();
  console.log(`npm run bench — ${machine.date}; ${describeMachine(machine)}`);
  console.log(`Settings: ${JSON.stringify(settings)}`);
  const started = performance.now();

  await seedMainDatabase();
  await buildSite(settings);
  let results;
  let text;
  if (settings.onlyPhotos) {
    const photos = await photoBenchmark(settings);
    const checks = photoChecks(photos);
    results = { machine, loadAtEnd: loadAverage(), settings, photos, checks };
    text = photoOnlyReport({ machine, photos, checks });
  } else {
    const staticBytes = await writeStaticCopy(settings);
    const main = await mainBenchmark(settings);
    const growth = await growthBenchmarks(settings);
    const photos = await photoBenchmark(settings);
    const checks = [...evaluate(main, growth), ...photoChecks(photos)];
    const loadAtEnd = loadAverage();
    results = { machine, loadAtEnd, settings, staticBytes, main, growth, photos, checks };
    text = report({ machine, settings, staticBytes, main, growth, photos, checks, loadAtEnd });
  }
  const { checks } = results;
  const resultsFile = path.join(BENCH_DIR, `results-${machine.iso.replace(/[:.]/g, '-')}.json`);
  const elapsedSeconds = Math.round((performance.now() - started) / 1000);
  fs.writeFileSync(resultsFile, `${JSON.stringify({ ...results, elapsedSeconds }, null, 2)}\n`);
  console.log(`\n${text}\n\nWhole run: ${elapsedSeconds} s. Figures also in ${path.relative(process.cwd(), resultsFile)}.`);
  if (!checks.every((c) => c.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\nBenchmark stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
