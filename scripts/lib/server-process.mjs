// How the production server process is started everywhere: `npm start`, the benchmarks, the Lighthouse check
// and the tests. `startServerProcess` is the one way the tools start it (scripts/lib/bench.mjs,
// scripts/check-lighthouse.mjs, e2e/helpers/servers.ts): spawn, wait until it answers or dies, stop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

// `--max-old-space-size=256`: with V8's default limit (a share of the machine's memory: gigabytes here) the heap
// grows under load long before it is collected; with a limit it is collected sooner at no cost in throughput.
// Measured on this machine (2026-11-26), 60 s of article, category and view-POST load: 310 MB resident after
// without the flag, 170 MB with it, the same requests per second. Next's two in-memory caches are bounded well
// below it (`cacheMaxMemorySize` in next.config.js).
export const SERVER_ARGS = ['--max-old-space-size=256', 'server.mjs'];

// glibc's allocator, for the native memory of the photo encoder (sharp, libvips, libaom) in the server process
// (docs/decisions/0023-image-encoder-memory.md). By default glibc serves large blocks with mmap (returned to the
// system when freed) only until the first such block is freed: it then raises that threshold to the block's size, so
// every later decoded photo and encoder frame lands in its heaps, and with up to 8 heaps per core, it kept most of it:
// 1,000 photo variants took the server from 135 MiB to 775 MiB resident. A fixed threshold keeps large blocks on
// mmap, and two heaps leave less to fragment. Glibc reads these at process start, so they are set here, for every
// way the tools start the server; values already in the environment win. Other C libraries ignore them.
export const ALLOCATOR_ENV = Object.freeze({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });

/**
 * The server process's environment: `env` with ALLOCATOR_ENV's settings where `env` has none of its own.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string | undefined>}
 */
export const serverEnvironment = (env) => ({ ...ALLOCATOR_ENV, ...env });

/** How long a stopped process may take before it is killed: server.mjs itself gives requests in flight 10 s. */
export const STOP_GRACE_MS = 15_000;

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} ExitStatus
 *
 * @typedef {object} ServerProcess
 * @property {import('node:child_process').ChildProcess} process
 * @property {number | undefined} pid
 * @property {string} url `http://127.0.0.1:<port>`
 * @property {() => string} output Everything the process has written so far to the streams left as 'pipe'.
 * @property {Promise<ExitStatus>} exited Resolves when the process has exited and `output()` is complete.
 * @property {() => Promise<void>} stop SIGTERM, SIGKILL after `stopGraceMs`; resolves with `exited`.
 *
 * @typedef {object} StartFailure Why a server was not ready: it exited first, or did not answer in time.
 * @property {'exited' | 'timeout'} reason
 * @property {number} port
 * @property {string} url `http://127.0.0.1:<port>`
 * @property {string} readyUrl The address that was asked (`url` + `readyPath`).
 * @property {number} timeoutMs
 * @property {ExitStatus | null} status How it exited ('exited' only).
 * @property {Error | null} error The spawn error, when the process could not be started at all.
 * @property {string} output What it wrote to the streams left as 'pipe'.
 *
 * @typedef {object} StartOptions
 * @property {number} port
 * @property {Record<string, string | undefined>} [env] Added to this process's environment; PORT, NODE_ENV=production
 *   and NEXT_TELEMETRY_DISABLED=1 are set over it, and ALLOCATOR_ENV's settings under it.
 * @property {string[]} [args] Node's arguments (default SERVER_ARGS).
 * @property {[import('node:child_process').IOType, import('node:child_process').IOType]} [output]
 *   Where stdout and stderr go (default both 'pipe': kept for `output()`); ignored with `logFile`.
 * @property {string} [logFile] Both streams into this file (truncated first).
 * @property {string} [readyPath] Asked until it answers 2xx (default /api/ping).
 * @property {'GET' | 'POST'} [readyMethod] Default GET.
 * @property {number} [timeoutMs] How long to wait for the answer (default 30 s); the process is then stopped.
 * @property {number} [stopGraceMs] Default STOP_GRACE_MS.
 * @property {(server: ServerProcess) => void} [onSpawn] Called as soon as the process exists, before it answers
 *   (to stop it on Ctrl-C however far it got).
 * @property {(failure: StartFailure) => string} [describeFailure] The message of the error thrown when it is not ready.
 */

// Servers still running when this process exits are sent SIGTERM (they then finish on their own): an uncaught
// exception skips the callers' `finally` blocks, and once left check-lighthouse's server running, orphaned.
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
process.on('exit', () => running.forEach((child) => child.kill('SIGTERM')));

/** @param {StartFailure} f */
const defaultFailure = (f) =>
  f.reason === 'exited'
    ? `the server on port ${f.port} exited (${f.error?.message ?? f.status?.signal ?? `exit code ${f.status?.code}`}) before ${f.readyUrl} answered${f.output ? `:\n${f.output}` : ''}`
    : `${f.readyUrl} did not answer within ${f.timeoutMs / 1000} s${f.output ? `:\n${f.output}` : ''}`;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends SIGTERM and waits until the process has exited; SIGKILL after `graceMs`. Nothing when it already has.
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ graceMs?: number }} [options]
 * @returns {Promise<void>}
 */
export async function stopProcess(child, { graceMs = STOP_GRACE_MS } = {}) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the production server (`node SERVER_ARGS`: Next runs in that process, its pid is the one serving
 * requests) on 127.0.0.1:`port` and resolves once `readyPath` answers. Rejects, having stopped the process,
 * when it exits first or does not answer within `timeoutMs`: the message from `describeFailure`.
 * @param {StartOptions} options
 * @returns {Promise<ServerProcess>}
 */
export async function startServerProcess({
  port,
  env = {},
  args = SERVER_ARGS,
  output: streams = ['pipe', 'pipe'],
  logFile,
  readyPath = '/api/ping',
  readyMethod = 'GET',
  timeoutMs = 30_000,
  stopGraceMs = STOP_GRACE_MS,
  onSpawn,
  describeFailure = defaultFailure,
}) {
  const log = logFile ? fs.openSync(logFile, 'w') : null;
  const child = spawn(process.execPath, args, {
    env: serverEnvironment({ ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }),
    stdio: ['ignore', ...(log === null ? streams : [log, log])],
  });
  if (log !== null) fs.closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));

  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  /** @type {Error | null} */
  let spawnError = null;
  /** @type {ExitStatus | null} */
  let status = null;
  /** @type {Promise<ExitStatus>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      const exit = (status = { code, signal });
      // Everything it wrote has been read once its streams close: at once, unless a process it started holds them.
      child.once('close', () => resolve(exit));
      setTimeout(() => resolve(exit), 1000).unref();
    });
    // Not started at all (no 'exit' follows).
    child.once('error', (error) => {
      spawnError = error;
      if (child.pid === undefined) resolve((status = { code: null, signal: null }));
    });
  });

  const url = `http://127.0.0.1:${port}`;
  /** @type {ServerProcess} */
  const server = {
    process: child,
    pid: child.pid,
    url,
    output: () => output,
    exited,
    stop: async () => {
      if (!status) await stopProcess(child, { graceMs: stopGraceMs });
      await exited;
    },
  };
  onSpawn?.(server);

  const readyUrl = `${url}${readyPath}`;
  /** @param {'exited' | 'timeout'} reason */
  const failure = (reason) => new Error(describeFailure({ reason, port, url, readyUrl, timeoutMs, status, error: spawnError, output }));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (status) {
      await exited;
      throw failure('exited');
    }
    try {
      const response = await fetch(readyUrl, { method: readyMethod, signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 100)) });
      // The answer's body is left unread, as the three copies this replaced did: read, its keep-alive connection
      // would go back to this process's fetch pool, and server.mjs then still takes a request over it after
      // SIGTERM (faults.spec.ts expects ECONNREFUSED there).
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() >= deadline) {
      await server.stop();
      throw failure('timeout');
    }
    await sleep(100);
  }
}
