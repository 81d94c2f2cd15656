import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { SERVER_ARGS } from '../../scripts/lib/server-process.mjs';

export type RunningServer = {
  url: string;
  process: ChildProcess;
  /** Everything the server has written to stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

/**
 * Starts another production server (the build the e2e web server made) with its own environment, e.g. a
 * second process on the same database file, or one with a rate limit. Resolves once it answers.
 */
export async function startServer({ port, env }: { port: number; env: Record<string, string> }): Promise<RunningServer> {
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${output}`);
    try {
      const response = await fetch(`${url}/api/ping`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server on ${port} did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, process: child, output: () => output, exited, stop };
}

export type PostResult = { status: number; body: { views?: number; counted?: boolean; error?: string } };

/** One POST over a given agent, resolving with status and parsed JSON (or a status of 0 on a network error). */
export function post(url: string, { agent, headers = {} }: { agent?: http.Agent; headers?: Record<string, string> } = {}): Promise<PostResult> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) e2e', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: response.statusCode ?? 0, body: {} });
        }
      });
      response.on('error', () => resolve({ status: 0, body: {} }));
    });
    request.on('error', () => resolve({ status: 0, body: {} }));
    request.end();
  });
}

/** `total` POSTs, all in flight at once over `connections` keep-alive connections. */
export async function postConcurrently(url: string, { total, connections }: { total: number; connections: number }): Promise<PostResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    return await Promise.all(Array.from({ length: total }, () => post(url, { agent })));
  } finally {
    agent.destroy();
  }
}

export async function getViews(baseUrl: string, id: number): Promise<number> {
  const response = await fetch(`${baseUrl}/api/articles/${id}/views`);
  return ((await response.json()) as { views: number }).views;
}

/** The port of the e2e web server started by playwright.config.ts. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * Ports for the servers specs start of their own, next to the e2e server's so that several runs with different
 * E2E_PORTs can share a machine: views-api.spec.ts uses E2E_PORT+1 to +4, faults.spec.ts +5 to +9, fuzz.spec.ts
 * +10, security-headers.spec.ts +11, sitemaps.spec.ts +12 to +14.
 */
export const extraPort = (offset: number) => E2E_PORT + offset;
