// Shared by the benchmarks (`npm run bench`, `npm run bench:views`, `npm run bench:newsroom`, `npm run soak`): child
// processes that are always stopped, the production server on a port of our own, autocannon runs that keep every
// latency, the server's memory, a description of the machine, the generated archives, options and number formatting.
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { startServerProcess, stopProcess } from './server-process.mjs';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

// A browser's user agent: the view counter ignores bots (isbot) and requests without one.
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// What a browser asks for a page. No Accept-Encoding: pages and the static file both go uncompressed.
export const PAGE_HEADERS = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'vi-VN,vi;q=0.9' };

/** The demo content's article that the benchmarks read: a long one with photos, keywords and related news. */
export const SEED_ARTICLE = Object.freeze({ id: 60431, categoryId: 17, slug: 'tham-muu-trien-khai-hieu-qua-nhieu-nhiem-vu-quan-trong' });

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every child we start, so that an error, Ctrl-C or SIGTERM never leaves a server running.
const children = new Set();
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping ${children.size} child process(es)`);
    await Promise.all([...children].map((child) => stopProcess(child)));
    process.exit(code);
  });
}

/** Runs a command to completion with inherited output; rejects unless it exits 0. */
export function runCommand(command, args, { env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { env, stdio: 'inherit' }));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts `node server.mjs` (Next runs in that process: its pid is the one serving requests) and waits until
 * it answers. Refuses a port something else already answers on, so that nobody else's server is measured.
 * Its output goes to `logFile` (else stderr to ours).
 */
export async function startServer({ port, env, logFile }) {
  if (await portAnswers(port)) throw new Error(`port ${port} is already in use: choose another (--port / BENCH_PORT)`);
  const server = await startServerProcess({
    port,
    env,
    logFile,
    output: ['ignore', 'inherit'],
    timeoutMs: 60_000,
    onSpawn: (started) => track(started.process),
    describeFailure: ({ reason, url }) =>
      reason === 'exited' ? `the server exited before answering${logFile ? ` (see ${logFile})` : ''}` : `${url} did not answer within 60 s`,
  });
  return { pid: server.pid, base: server.url, stop: server.stop };
}

/**
 * One autocannon run: `seconds` long, or `amount` requests. Keeps the latency of every 2xx answer (ms, from
 * autocannon's own timing), so that percentiles can be taken over several runs together.
 */
export function runLoad({ base, method = 'GET', path, connections, seconds, amount, headers = {}, onResponse }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url: base,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        headers: { 'user-agent': BROWSER_UA, ...headers },
        requests: [{ method, path, onResponse }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, seconds: (result.finish - result.start) / 1000 })),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

/**
 * Waits until the server has finished the requests autocannon abandoned when a timed run ended (it drops
 * the answers in flight, but the server still renders them): three quick pings in a row. Returns the wait.
 */
export async function waitForIdle(base, { quickMs = 20, maxMs = 60_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  try {
    for (let quick = 0; quick < 3 && performance.now() - started < maxMs; ) {
      const { ms } = await timedGet(`${base}/api/ping`, { agent });
      quick = ms < quickMs ? quick + 1 : 0;
      if (quick < 3) await sleep(50);
    }
  } finally {
    agent.destroy();
  }
  return performance.now() - started;
}

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** One GET, timed from sending the request to the last byte of the answer. */
export function timedGet(url, { agent, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { 'user-agent': BROWSER_UA, ...headers } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks), ms: performance.now() - started }));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
}

const statusField = (pid, field) => {
  const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : 0;
};

function childPids(pid) {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  return tasks.flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

/** Resident memory of a process (VmRSS) and its peak (VmHWM), in KiB, with any processes it started. */
export function readMemory(pid) {
  const descendants = [];
  const visit = (parent) => {
    for (const child of childPids(parent)) {
      descendants.push(child);
      visit(child);
    }
  };
  visit(pid);
  return {
    pid,
    rssKiB: statusField(pid, 'VmRSS'),
    peakKiB: statusField(pid, 'VmHWM'),
    childPids: descendants,
    childrenRssKiB: descendants.reduce((sum, child) => sum + statusField(child, 'VmRSS'), 0),
  };
}

/**
 * CPU time a process has used so far (user + system), in seconds: /proc/<pid>/stat fields 14 and 15, in clock
 * ticks of 1/100 s (USER_HZ, 100 on every Linux this runs on).
 */
export function readCpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name, in parentheses, may hold spaces
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function machineInfo() {
  const cpuModel = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return {
    date: spawnSync('date', ['-u'], { encoding: 'utf8' }).stdout?.trim() || new Date().toUTCString(),
    iso: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel,
    ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: loadAverage(),
  };
}

/** 1, 5 and 15 minute load averages: other work on the machine shows here, and in every figure. */
export const loadAverage = () => os.loadavg().map((n) => Number(n.toFixed(2)));

export const describeMachine = (m) => `${m.cpus} × ${m.cpuModel}, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}`;

// ---------------------------------------------------------------------------------------------------------
// Options, databases and formatting

/**
 * A positive number from parseArgs `values[name]`, or `fallback`; anything else throws with the usage text.
 * @param {Record<string, unknown>} values @param {string} name @param {number | string} fallback @param {string} usage
 */
export function positiveOption(values, name, fallback, usage) {
  const n = Number(values[name] ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number\n${usage}`);
  return n;
}

/** A benchmark server's environment: its SQLite file and media folder, no view limit, loopback only. */
export const benchServerEnv = (dbFile, mediaDir) => ({
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  MEDIA_DIR: mediaDir,
  VIEW_RATE_LIMIT: '0',
  HOST: '127.0.0.1',
  NEXT_TELEMETRY_DISABLED: '1',
});

/** Removes a SQLite database with its WAL and shared-memory files. */
export const removeDatabase = (file) => [file, `${file}-wal`, `${file}-shm`].forEach((f) => fs.rmSync(f, { force: true }));

/** The generator's default first id: articles from it on are generated ones. */
export const GENERATED_START_ID = 1_000_000;

/** `npm run bench`'s generated archive of `size` articles in `dir` (demo-1k.db, demo-100k.db); bench:newsroom's too. */
export const demoArchivePath = (dir, size) => path.join(dir, `demo-${size >= 1000 ? `${size / 1000}k` : size}.db`);

/**
 * Makes `file`, a generated archive of `size` articles on top of the demo content (its photos go to `mediaDir`),
 * unless it holds that many already: 100,000 take about half a minute, so the file is kept between runs
 * (`regen`: made again).
 */
export async function ensureGenerated({ file, size, mediaDir, regen = false }) {
  if (!regen && generatedCount(file) === size) return file;
  console.log(`\nGenerating ${path.relative(process.cwd(), file)} (${fmt(size)} articles on top of the demo content)...`);
  removeDatabase(file);
  await runCommand('npm', ['run', 'db:generate-demo', '--', '--articles', String(size), '--out', file], { env: benchServerEnv(file, mediaDir) });
  return file;
}

/** A fresh copy of the SQLite database `from` at `to` (what was there before removed), for a run that writes to it. */
export async function copyDatabase(from, to) {
  removeDatabase(to);
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** How many generated articles a database file holds, or -1 when there is no such database. */
export function generatedCount(file) {
  if (!fs.existsSync(file)) return -1;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM articles WHERE id >= ?').pluck().get(GENERATED_START_ID);
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
export const roundTo = (n, digits) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
export const ms = (n) => `${fmt(n, 1)} ms`;
export const mib = (kib) => `${fmt(kib / 1024, 0)} MiB`;
export const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
