// Load for `npm run test:cluster`: many requests over keep-alive connections with every answer kept (status,
// headers, latency), and wrk runs read back into numbers.
import { spawn } from 'node:child_process';
import http from 'node:http';

export const WRK_BIN = '/usr/bin/wrk';

/**
 * @typedef {{ method?: string, path: string, headers?: Record<string, string>, kind?: string }} LoadRequest
 * @typedef {{ index: number, kind?: string, path: string, status: number, headers: http.IncomingHttpHeaders,
 *   body: Buffer, ms: number, startedAt: number, error?: string }} LoadAnswer
 */

/**
 * Sends requests from `next(index)` (null: no more) over `concurrency` keep-alive connections, each connection
 * sending its next request when the previous answer is complete, until `count` requests have been sent or
 * `until()` says stop. Network errors are answers with status 0. Bodies are kept only when `keepBody` is set.
 * @param {{ base: string, concurrency: number, count?: number, until?: () => boolean,
 *   next: (index: number) => LoadRequest | null, keepBody?: boolean, timeoutMs?: number,
 *   onAnswer?: (answer: LoadAnswer) => void }} options
 * @returns {Promise<{ answers: LoadAnswer[], seconds: number }>}
 */
export async function runRequests({ base, concurrency, count = Infinity, until = () => false, next, keepBody = false, timeoutMs = 30_000, onAnswer }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers = [];
  let sent = 0;
  const started = performance.now();
  const one = (index, request) =>
    new Promise((resolve) => {
      const startedAt = performance.now();
      const finish = (answer) => {
        const full = { index, kind: request.kind, path: request.path, startedAt: startedAt - started, ms: performance.now() - startedAt, ...answer };
        answers.push(full);
        onAnswer?.(full);
        resolve();
      };
      const req = http.request(`${base}${request.path}`, { method: request.method ?? 'GET', agent, headers: request.headers ?? {} }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => keepBody && chunks.push(chunk));
        response.once('end', () => finish({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.once('error', (error) => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message }));
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.once('error', (error) => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message }));
      req.end();
    });
  const worker = async () => {
    while (sent < count && !until()) {
      const index = sent++;
      const request = next(index);
      if (!request) return;
      await one(index, request);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { answers, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** Counts of the values of `key(item)`, largest first. */
export function tally(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** Reads wrk's report (`--latency`): requests a second, latency percentiles in ms, errors. */
export function parseWrk(text) {
  const number = (pattern) => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : NaN;
  };
  const duration = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit];
  const latency = (p) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text);
    return match ? duration(match[1], match[2]) : NaN;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requestsPerSecond: number(/^Requests\/sec:\s+([\d.]+)/m),
    requests: number(/^\s*(\d+) requests in/m),
    p50: latency(50),
    p99: latency(99),
    non2xx3xx: /Non-2xx or 3xx responses: (\d+)/.test(text) ? number(/Non-2xx or 3xx responses: (\d+)/) : 0,
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/**
 * One wrk run (kept alive, HTTP/1.1), its report parsed. `onSpawn` gets the child process, so that the caller can
 * stop it if it must exit early.
 * @param {{ url: string, seconds: number, connections: number, threads?: number, headers?: Record<string, string>,
 *   onSpawn?: (child: import('node:child_process').ChildProcess) => void }} options
 */
export function runWrk({ url, seconds, connections, threads = 2, headers = {}, timeoutSeconds, onSpawn }) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency'];
  // wrk's own default is 2 s: an answer slower than that counts as a socket error (timeout).
  if (timeoutSeconds) args.push('--timeout', `${timeoutSeconds}s`);
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      resolve({ ...parseWrk(output), output });
    });
  });
}
