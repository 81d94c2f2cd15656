// npm run bench:newsroom — what the article editor costs (issue #17, "Performance and weight"). A benchmark, not a
// timed test: it prints its figures, writes them to data/bench/newsroom-results-<time>.json, and exits 1 when a
// target is missed.
//
// 1. Copies `npm run bench`'s archive of 100,000 generated articles (data/bench/demo-100k.db, generated once and
//    kept; --regen to redo) to data/bench/newsroom.db, builds if the sources changed (unless --no-build), makes the
//    accounts with the staff command as an administrator would (one lanh-dao, 20 phong-vien of category 17) and
//    starts the production server on 127.0.0.1.
// 2. Signs them in over HTTP as a browser does, every POST with the site's Origin: the lanh-dao goes through the
//    two-factor enrolment pages (starts it, reads the secret the page shows, confirms with a code made from it).
// 3. Saves: one phong-vien's draft (~30 paragraphs of the demo articles' text) saved N times in a row, each with
//    an edit, as autosave does; the server's own time (the save answer's Server-Timing) and the round trip.
// 4. Publish to visible: 20 times, the lanh-dao writes an article in category 17 with a keyword and publishes it
//    (at a random moment of the server's cache sync period); from the publish answer, its public URL and the home
//    page are asked for every 50 ms until each shows the title. Target (the issue's): within 2 s, every time.
// 5. Reader throughput: autocannon on the seed article alone, then while the 20 phong-vien autosave their own
//    drafts every 2 s, alternating, 3 rounds. Target: the median of the loaded rounds at most 10% below alone.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { generateSync } from 'otplib';
import { CACHE_SYNC_INTERVAL_MS } from '../config/cache-sync.mjs';
import { bin, ensureBuild } from './lib/build.mjs';
import {
  BROWSER_UA,
  benchServerEnv,
  copyDatabase,
  demoArchivePath,
  describeMachine,
  ensureGenerated,
  fmt,
  GENERATED_START_ID,
  loadAverage,
  machineInfo,
  ms,
  PAGE_HEADERS,
  percentile,
  positiveOption,
  roundTo,
  runLoad,
  SEED_ARTICLE,
  sleep,
  startServer,
  timedGet,
  verdict,
  waitForIdle,
} from './lib/bench.mjs';

const USAGE = `Usage: npm run bench:newsroom -- [--quick] [--no-build] [--regen] [--saves N] [--publishes N] [--sessions N]
                  [--duration S] [--warmup S] [--rounds N] [--connections N] [--port P]
  --quick        smoke run: 40 saves, 5 publications, 2 rounds of 3 s
  --no-build     use the existing .next build as it is
  --regen        generate the 100,000-article archive again
  --saves N      draft saves timed one after the other (default 200)
  --publishes N  articles published and watched until visible (default 20)
  --sessions N   signed-in phong-vien autosaving during the loaded rounds (default 20)
  --duration S   seconds per reader run (default 10)
  --warmup S     seconds of reader load before the rounds, not measured (default 3)
  --rounds N     rounds of reader runs, alone then loaded (default 3)
  --connections  autocannon connections (default 32)
  --port P       server port, on 127.0.0.1 (default 3470)`;

const ARCHIVE_SIZE = 100_000;
const CATEGORY_ID = SEED_ARTICLE.categoryId;
// A keyword of the seed article: a published article carrying it joins the seed article's related news.
const KEYWORD = 'Văn phòng UBND tỉnh';
const PARAGRAPHS = 30;
const AUTOSAVE_EVERY_MS = 2_000;
const POLL_EVERY_MS = 50;
const POLL_GIVE_UP_MS = 30_000;
const WARMUP_SAVES = 10;
const VISIBLE_WITHIN_MS = 2_000;
const MAX_DROP = 0.1;

const BENCH_DIR = path.resolve('data', 'bench');
const MEDIA_DIR = path.join(BENCH_DIR, 'media');
const NEWSROOM_DB = path.join(BENCH_DIR, 'newsroom.db');
const SEED_PATH = `/news/${SEED_ARTICLE.categoryId}/${SEED_ARTICLE.id}/${SEED_ARTICLE.slug}`;

function readSettings() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      regen: { type: 'boolean', default: false },
      saves: { type: 'string' },
      publishes: { type: 'string' },
      sessions: { type: 'string' },
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
  const whole = (name, fallback) => Math.round(positiveOption(values, name, fallback, USAGE));
  const { quick } = values;
  return {
    quick,
    build: !values['no-build'],
    regen: values.regen,
    saves: whole('saves', quick ? 40 : 200),
    publishes: whole('publishes', quick ? 5 : 20),
    sessions: whole('sessions', 20),
    duration: positiveOption(values, 'duration', quick ? 3 : 10, USAGE),
    warmup: positiveOption(values, 'warmup', quick ? 1 : 3, USAGE),
    rounds: whole('rounds', quick ? 2 : 3),
    connections: whole('connections', 32),
    port: whole('port', process.env.BENCH_PORT ?? 3470),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Accounts and sessions

/** Creates an account with the staff command, its password on standard input as `npm run staff:create` takes it. */
function createAccount({ username, name, role, categories, password }) {
  const args = ['db/staff/cli.ts', 'create', '--username', username, '--name', name, '--role', role, ...(categories ? ['--categories', categories] : []), '--password-stdin'];
  const result = spawnSync(process.execPath, [bin('tsx'), ...args], { env: benchServerEnv(NEWSROOM_DB, MEDIA_DIR), input: `${password}\n`, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`staff:create ${username} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * A browser's view of the newsroom: its cookies, the site's Origin on every POST, redirects not followed (their
 * Location says where the server sends the user).
 */
function newsroomClient(base) {
  const cookies = new Map();
  const origin = new URL(base).origin;
  return async function send(urlPath, { method = 'GET', form, json } = {}) {
    const headers = { 'user-agent': BROWSER_UA, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    let body;
    if (method !== 'GET') headers.origin = origin;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    if (json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const started = performance.now();
    const response = await fetch(`${base}${urlPath}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const took = performance.now() - started;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    return { status: response.status, headers: response.headers, text, ms: took, bytesSent: body ? Buffer.byteLength(body) : 0, to: location && new URL(location, base).pathname };
  };
}

async function signIn(base, { username, password }) {
  const send = newsroomClient(base);
  const answer = await send('/toa-soan/dang-nhap/gui', { method: 'POST', form: { username, password } });
  if (answer.status !== 303 || answer.to?.startsWith('/toa-soan/dang-nhap')) throw new Error(`sign-in of ${username} answered ${answer.status} to ${answer.to}`);
  if (answer.to === '/toa-soan/bao-mat/hai-lop') await enrolSecondFactor(send, username);
  const newsroom = await send('/toa-soan');
  if (newsroom.status !== 200) throw new Error(`${username}, signed in: /toa-soan answered ${newsroom.status} to ${newsroom.to}`);
  return send;
}

/** The enrolment a lanh-dao must complete at the first sign-in, through its pages: start, read the secret, confirm. */
async function enrolSecondFactor(send, username) {
  const started = await send('/toa-soan/bao-mat/hai-lop/bat-dau', { method: 'POST', form: {} });
  if (started.status !== 303) throw new Error(`two-factor enrolment of ${username}: "Bắt đầu" answered ${started.status}`);
  const page = await send('/toa-soan/bao-mat/hai-lop');
  const secret = /data-testid="khoa-bi-mat">([^<]+)</.exec(page.text)?.[1]?.replace(/\s/g, '');
  if (!secret) throw new Error(`two-factor enrolment of ${username}: no secret on the page (${page.status})`);
  const confirmed = await send('/toa-soan/bao-mat/hai-lop/xac-nhan', { method: 'POST', form: { code: generateSync({ secret }) } });
  if (confirmed.status !== 200) throw new Error(`two-factor enrolment of ${username}: the code answered ${confirmed.status} to ${confirmed.to}`);
}

async function makeSessions(base, count) {
  const password = () => crypto.randomBytes(18).toString('base64url');
  const editor = { username: 'bench.lanhdao', name: 'Lãnh đạo Đo Hiệu Năng', role: 'lanh-dao', password: password() };
  const writers = Array.from({ length: count }, (_, i) => ({
    username: `bench.pv${String(i + 1).padStart(2, '0')}`,
    name: `Phóng viên Đo Hiệu Năng ${i + 1}`,
    role: 'phong-vien',
    categories: String(CATEGORY_ID),
    password: password(),
  }));
  const started = performance.now();
  for (const account of [editor, ...writers]) createAccount(account);
  console.log(`Made ${count + 1} accounts with the staff command in ${fmt((performance.now() - started) / 1000, 1)} s; signing them in...`);
  return { editor: await signIn(base, editor), writers: await Promise.all(writers.map((w) => signIn(base, w))) };
}

// ---------------------------------------------------------------------------------------------------------
// Drafts

/** The demo content's text blocks (real articles' paragraphs), for drafts that read like articles. */
function readParagraphs(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const bodies = db.prepare(`SELECT body FROM articles WHERE id < ? AND status = 'published' ORDER BY id`).pluck().all(GENERATED_START_ID);
    return bodies.flatMap((body) => JSON.parse(body).filter((block) => block.type === 'paragraph'));
  } finally {
    db.close();
  }
}

/** Draft `n`: 30 paragraphs from the pool (its own stretch of it) with two headings; `edit` changes the last one, as typing does. */
function makeDraft({ pool, n, title, edit = 0, keywords = [] }) {
  const body = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i === 10 || i === 20) body.push({ type: 'heading', text: i === 10 ? 'Kết quả nổi bật' : 'Nhiệm vụ thời gian tới' });
    body.push(pool[(n * PARAGRAPHS + i) % pool.length]);
  }
  if (edit) body[body.length - 1] = { type: 'paragraph', spans: [...body.at(-1).spans, { text: ` Cập nhật lần ${edit}.` }] };
  return { title, sapo: `Bài viết thử của phép đo hiệu năng tòa soạn, số ${n}.`, categoryId: CATEGORY_ID, byline: 'Phòng Đo Hiệu Năng', keywords, slug: '', leadImage: null, body };
}

/**
 * The server's times of a save, from its Server-Timing answer header: `save`, the save itself (saveFromEditor), and
 * `handler`, with the gate and the reading and checking of the body.
 */
function serverTimes(answer) {
  const header = answer.headers.get('server-timing') ?? '';
  const [save, handler] = ['save', 'handler'].map((name) => Number(new RegExp(`\\b${name};dur=([\\d.]+)`).exec(header)?.[1]));
  if (!Number.isFinite(save) || !Number.isFinite(handler)) throw new Error(`a save answered ${answer.status} without Server-Timing: save;dur=..., handler;dur=...`);
  return { save, handler };
}

/** A new draft of the session's own: its id and version. */
async function createDraft(send, draft) {
  const answer = await send('/toa-soan/bai-viet', { method: 'POST', json: { baseVersion: 0, draft } });
  if (answer.status !== 201) throw new Error(`a new article answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text);
}

async function saveDraft(send, article, draft) {
  const answer = await send(`/toa-soan/bai-viet/${article.id}/luu`, { method: 'POST', json: { baseVersion: article.version, draft } });
  if (answer.status === 200) article.version = JSON.parse(answer.text).version;
  const { save, handler } = serverTimes(answer);
  return { status: answer.status, serverMs: save, handlerMs: handler, clientMs: answer.ms, bytes: answer.bytesSent };
}

// ---------------------------------------------------------------------------------------------------------
// 1. Saves

async function benchSaves(writer, pool, settings) {
  const article = await createDraft(writer, makeDraft({ pool, n: 0, title: 'Bài đo thời gian lưu' }));
  const saves = [];
  for (let edit = 1; edit <= WARMUP_SAVES + settings.saves; edit++) {
    const save = await saveDraft(writer, article, makeDraft({ pool, n: 0, title: 'Bài đo thời gian lưu', edit }));
    if (save.status !== 200) throw new Error(`save ${edit} answered ${save.status}`);
    if (edit > WARMUP_SAVES) saves.push(save);
  }
  const result = {
    count: saves.length,
    bodyBytes: percentile(saves.map((s) => s.bytes).sort((a, b) => a - b), 50),
    server: spread(saves.map((s) => s.serverMs)),
    handler: spread(saves.map((s) => s.handlerMs)),
    client: spread(saves.map((s) => s.clientMs)),
  };
  console.log(
    `  ${result.count} saves of article ${article.id} (after ${WARMUP_SAVES} not counted), ${fmt(result.bodyBytes)} bytes each: ` +
      `save p50 ${ms(result.server.p50)}, p99 ${ms(result.server.p99)}, max ${ms(result.server.max)}; handler p50 ${ms(result.handler.p50)}, p99 ${ms(result.handler.p99)}; ` +
      `round trip p50 ${ms(result.client.p50)}, p99 ${ms(result.client.p99)}`,
  );
  return result;
}

/** p50, p99 and max of a list of times. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: roundTo(percentile(sorted, 50), 2), p99: roundTo(percentile(sorted, 99), 2), max: roundTo(sorted.at(-1), 2) };
}

// ---------------------------------------------------------------------------------------------------------
// 2. Publish to visible

/** Asks for `urlPath` every POLL_EVERY_MS until its answer shows `title`; the time from `since` to that answer's end. */
async function timeUntilVisible(base, urlPath, title, since) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let asked = 0; ; asked++) {
      const sent = performance.now();
      const { status, body } = await timedGet(`${base}${urlPath}`, { agent, headers: PAGE_HEADERS });
      if (status === 200 && body.includes(title)) return { ms: roundTo(performance.now() - since, 1), requests: asked + 1 };
      if (performance.now() - since > POLL_GIVE_UP_MS) return { ms: null, requests: asked + 1 };
      await sleep(Math.max(0, POLL_EVERY_MS - (performance.now() - sent)));
    }
  } finally {
    agent.destroy();
  }
}

async function benchPublishing(base, editor, pool, settings) {
  const runs = [];
  const tag = Date.now().toString(36);
  for (let n = 1; n <= settings.publishes; n++) {
    // Letters and digits only: the page shows it as written, with nothing escaped.
    const title = `Bài đo xuất bản số ${n} mã ${tag}`;
    const draft = makeDraft({ pool, n: 100 + n, title, keywords: [KEYWORD] });
    const article = await createDraft(editor, draft);
    // At a random moment of the cache sync's period: publishing right after the last one became visible would always
    // fall just after a sync, and every wait would be the longest.
    await sleep(Math.random() * CACHE_SYNC_INTERVAL_MS);
    const answer = await editor(`/toa-soan/bai-viet/${article.id}/xuat-ban`, { method: 'POST', json: { baseVersion: article.version, draft } });
    const since = performance.now();
    if (answer.status !== 200) throw new Error(`publishing article ${article.id} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const { publicPath } = JSON.parse(answer.text);
    const [page, home] = await Promise.all([timeUntilVisible(base, publicPath, title, since), timeUntilVisible(base, '/', title, since)]);
    const publishServerMs = serverTimes(answer).save;
    runs.push({ id: article.id, publicPath, publishServerMs, publishClientMs: roundTo(answer.ms, 1), page, home });
    console.log(`  #${n} ${publicPath}: publish ${ms(answer.ms)} (server ${ms(publishServerMs)}); visible on its page after ${visibleText(page)}, on the home page after ${visibleText(home)}`);
  }
  return { runs, page: visibleSummary(runs.map((r) => r.page)), home: visibleSummary(runs.map((r) => r.home)) };
}

const visibleText = (seen) => (seen.ms === null ? `never within ${POLL_GIVE_UP_MS / 1000} s` : `${ms(seen.ms)} (${seen.requests} request${seen.requests > 1 ? 's' : ''})`);

function visibleSummary(seen) {
  const times = seen.map((s) => s.ms ?? Infinity).sort((a, b) => a - b);
  return { median: roundTo(median(times), 1), max: times.at(-1) === Infinity ? null : roundTo(times.at(-1), 1), never: seen.filter((s) => s.ms === null).length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// ---------------------------------------------------------------------------------------------------------
// 3. Reader throughput, alone and while the writers autosave

/**
 * Each writer saves its own draft every AUTOSAVE_EVERY_MS, the writers spread evenly over that period, one save
 * at a time per writer (as the editor does: a save waits for the one before it), until `stop()`.
 */
function startAutosaves(writers, drafts, pool) {
  let running = true;
  const saves = [];
  const loops = writers.map(async (send, i) => {
    const article = drafts[i];
    let due = performance.now() + (i * AUTOSAVE_EVERY_MS) / writers.length;
    while (running) {
      await sleep(Math.max(0, due - performance.now()));
      if (!running) break;
      article.edits += 1;
      saves.push(await saveDraft(send, article, makeDraft({ pool, n: 1 + i, title: `Bài nháp tự lưu ${i + 1}`, edit: article.edits })));
      due += AUTOSAVE_EVERY_MS;
    }
  });
  return {
    saves,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function benchReaders(base, writers, pool, settings) {
  const drafts = [];
  for (const [i, send] of writers.entries()) drafts.push({ ...(await createDraft(send, makeDraft({ pool, n: 1 + i, title: `Bài nháp tự lưu ${i + 1}` }))), edits: 0 });
  const load = () => runLoad({ base, path: SEED_PATH, connections: settings.connections, seconds: settings.duration, headers: PAGE_HEADERS });
  console.log(`  warm-up: ${settings.warmup} s, not measured`);
  await runLoad({ base, path: SEED_PATH, connections: settings.connections, seconds: settings.warmup, headers: PAGE_HEADERS });
  await waitForIdle(base);
  const rounds = [];
  const autosaves = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const alone = readerRun(await load());
    await waitForIdle(base);
    console.log(`  #${round} alone:     ${readerLine(alone)}`);
    const writing = startAutosaves(writers, drafts, pool);
    // One whole autosave period first, so that every writer is saving when the measured run starts.
    await sleep(AUTOSAVE_EVERY_MS);
    const before = writing.saves.length;
    const loaded = readerRun(await load());
    const during = writing.saves.length - before;
    await writing.stop();
    await waitForIdle(base);
    autosaves.push(...writing.saves);
    console.log(`  #${round} autosaves: ${readerLine(loaded)}; ${during} saves during the run (${fmt(during / loaded.seconds, 1)}/s)`);
    rounds.push({ alone, loaded: { ...loaded, autosavesDuring: during } });
  }
  const aloneMedian = median(rounds.map((r) => r.alone.reqPerSec));
  const loadedMedian = median(rounds.map((r) => r.loaded.reqPerSec));
  const failedSaves = autosaves.filter((s) => s.status !== 200).length;
  return {
    rounds,
    aloneMedian: roundTo(aloneMedian, 1),
    loadedMedian: roundTo(loadedMedian, 1),
    drop: roundTo(1 - loadedMedian / aloneMedian, 4),
    autosaves: { count: autosaves.length, failed: failedSaves, server: spread(autosaves.map((s) => s.serverMs)), client: spread(autosaves.map((s) => s.clientMs)) },
  };
}

function readerRun({ result, latencies, seconds }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    reqPerSec: roundTo(result['2xx'] / seconds, 1),
    p50: roundTo(percentile(sorted, 50), 2),
    p99: roundTo(percentile(sorted, 99), 2),
    seconds,
    // autocannon counts a timeout (no answer in 10 s) as an error too
    failed: result.non2xx + result.errors,
  };
}

const readerLine = (run) => `${fmt(run.reqPerSec).padStart(6)} req/s   p50 ${ms(run.p50).padStart(9)}   p99 ${ms(run.p99).padStart(9)}   not 2xx ${run.failed}`;

// ---------------------------------------------------------------------------------------------------------
// Verdicts and report

function evaluate({ publishing, readers }) {
  const visible = (name, summary) => ({
    name: `publish to visible on the ${name}, slowest of ${publishing.runs.length}`,
    shown: summary.max === null ? `${summary.never} never within ${POLL_GIVE_UP_MS / 1000} s` : ms(summary.max),
    target: `≤ ${fmt(VISIBLE_WITHIN_MS)} ms`,
    pass: summary.max !== null && summary.max <= VISIBLE_WITHIN_MS,
  });
  const readerFailures = readers.rounds.reduce((sum, r) => sum + r.alone.failed + r.loaded.failed, 0);
  return [
    visible('article page', publishing.page),
    visible('home page', publishing.home),
    {
      name: `reader throughput while ${readers.autosaveSessions} sessions autosave, drop from alone (medians of ${readers.rounds.length} rounds)`,
      shown: `${fmt(readers.drop * 100, 1)}% (${fmt(readers.loadedMedian)} vs ${fmt(readers.aloneMedian)} req/s)`,
      target: `≤ ${fmt(MAX_DROP * 100)}%`,
      pass: readers.drop <= MAX_DROP,
    },
    { name: 'autosaves not answered 200', shown: fmt(readers.autosaves.failed), target: '0', pass: readers.autosaves.failed === 0 },
    { name: 'reader requests not answered 2xx (errors, timeouts, other statuses)', shown: fmt(readerFailures), target: '0', pass: readerFailures === 0 },
  ];
}

function report({ machine, settings, saves, publishing, readers, checks, loadAtEnd }) {
  const row = (label, run) => `| ${label} | ${fmt(run.reqPerSec)} | ${fmt(run.p50, 1)} / ${fmt(run.p99, 1)} ms |`;
  return [
    '## npm run bench:newsroom',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${describeMachine(machine)}`,
    `- Load average (1/5/15 min): ${machine.loadAverage.join(' / ')} at the start, ${loadAtEnd.join(' / ')} at the end`,
    `- Database: \`${path.relative(process.cwd(), NEWSROOM_DB)}\`, a copy of ${fmt(ARCHIVE_SIZE)} generated articles and the demo content; server on 127.0.0.1:${settings.port}, cache sync every ${fmt(CACHE_SYNC_INTERVAL_MS)} ms`,
    '',
    '### Saves',
    '',
    `${saves.count} draft saves in a row by one phong-vien (after ${WARMUP_SAVES} not counted), ${PARAGRAPHS} paragraphs and 2 headings, ${fmt(saves.bodyBytes)} bytes a request:`,
    `server time of the save (Server-Timing \`save\`) p50 **${ms(saves.server.p50)}**, p99 **${ms(saves.server.p99)}**, max ${ms(saves.server.max)}; ` +
      `of the whole handler (\`handler\`: with the gate and the body's checks) p50 ${ms(saves.handler.p50)}, p99 ${ms(saves.handler.p99)}; round trip p50 ${ms(saves.client.p50)}, p99 ${ms(saves.client.p99)}.`,
    '',
    '### Publish to visible',
    '',
    `${publishing.runs.length} articles written and published by a lanh-dao, each page asked for every ${POLL_EVERY_MS} ms from the publish answer until it shows the title:`,
    `article page median ${ms(publishing.page.median)}, max ${publishing.page.max === null ? 'never' : ms(publishing.page.max)}; ` +
      `home page median ${ms(publishing.home.median)}, max ${publishing.home.max === null ? 'never' : ms(publishing.home.max)}.`,
    '',
    '### Reader throughput',
    '',
    `autocannon on \`${SEED_PATH}\`, ${settings.connections} connections, ${settings.duration} s a run after ${settings.warmup} s warm-up; loaded: ${readers.autosaveSessions} signed-in phong-vien each autosaving its own draft every ${AUTOSAVE_EVERY_MS / 1000} s.`,
    '',
    '| Run | req/s | p50 / p99 |',
    '| --- | ---: | ---: |',
    ...readers.rounds.flatMap((r, i) => [row(`#${i + 1} alone`, r.alone), row(`#${i + 1} autosaving (${r.loaded.autosavesDuring} saves)`, r.loaded)]),
    '',
    `Medians: ${fmt(readers.aloneMedian)} req/s alone, ${fmt(readers.loadedMedian)} while autosaving: **${fmt(readers.drop * 100, 1)}%** drop. ` +
      `Autosaves: ${fmt(readers.autosaves.count)}, server p50 ${ms(readers.autosaves.server.p50)}, p99 ${ms(readers.autosaves.server.p99)}; round trip p50 ${ms(readers.autosaves.client.p50)}, p99 ${ms(readers.autosaves.client.p99)}.`,
    '',
    '### Targets',
    '',
    '| Check | Measured | Target | Result |',
    '| --- | --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${c.shown} | ${c.target} | ${verdict(c.pass)} |`),
    '',
    `Overall: ${verdict(checks.every((c) => c.pass))}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const settings = readSettings();
  const machine = machineInfo();
  console.log(`npm run bench:newsroom — ${machine.date}; ${describeMachine(machine)}`);
  console.log(`Settings: ${JSON.stringify(settings)}`);
  const started = performance.now();

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const archive = await ensureGenerated({ file: demoArchivePath(BENCH_DIR, ARCHIVE_SIZE), size: ARCHIVE_SIZE, mediaDir: MEDIA_DIR, regen: settings.regen });
  await copyDatabase(archive, NEWSROOM_DB);
  console.log(`Copied ${path.relative(process.cwd(), archive)} to ${path.relative(process.cwd(), NEWSROOM_DB)}.`);
  // No usage report from the build either (the server's environment turns it off too: benchServerEnv).
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  ensureBuild(settings);
  const pool = readParagraphs(NEWSROOM_DB);

  const base = `http://127.0.0.1:${settings.port}`;
  const env = {
    ...benchServerEnv(NEWSROOM_DB, MEDIA_DIR),
    SITE_URL: base,
    // A secret of this run only: the sessions it signs die with it.
    NEWSROOM_SECRET: crypto.randomBytes(32).toString('base64url'),
    // Every sign-in comes from 127.0.0.1: 21 in a minute is past the default limit of 20.
    NEWSROOM_SIGN_IN_RATE_LIMIT: '0',
  };
  const server = await startServer({ port: settings.port, env, logFile: path.join(BENCH_DIR, 'server-newsroom.log') });
  let results;
  try {
    const { editor, writers } = await makeSessions(server.base, settings.sessions);
    console.log(`\nSaves (server pid ${server.pid}, ${server.base}):`);
    const saves = await benchSaves(writers[0], pool, settings);
    console.log(`\nPublish to visible (the server syncs its cache every ${fmt(CACHE_SYNC_INTERVAL_MS)} ms):`);
    const publishing = await benchPublishing(server.base, editor, pool, settings);
    console.log(`\nReader throughput, alone and while ${settings.sessions} sessions autosave every ${AUTOSAVE_EVERY_MS / 1000} s:`);
    const readers = { ...(await benchReaders(server.base, writers, pool, settings)), autosaveSessions: settings.sessions };
    results = { machine, settings, cacheSyncIntervalMs: CACHE_SYNC_INTERVAL_MS, saves, publishing, readers };
  } finally {
    await server.stop();
  }
  const checks = evaluate(results);
  const loadAtEnd = loadAverage();
  const text = report({ ...results, checks, loadAtEnd });
  const resultsFile = path.join(BENCH_DIR, `newsroom-results-${machine.iso.replace(/[:.]/g, '-')}.json`);
  const elapsedSeconds = Math.round((performance.now() - started) / 1000);
  fs.writeFileSync(resultsFile, `${JSON.stringify({ ...results, checks, loadAtEnd, elapsedSeconds }, null, 2)}\n`);
  console.log(`\n${text}\n\nWhole run: ${elapsedSeconds} s. Figures also in ${path.relative(process.cwd(), resultsFile)}.`);
  if (!checks.every((c) => c.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\nBenchmark stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
