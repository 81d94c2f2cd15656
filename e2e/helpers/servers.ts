import http from 'node:http';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/server-process.mjs';

/** `url`, `process`, everything it has written (`output()`), `exited`, `stop()`. */
export type RunningServer = ServerProcess;

/**
 * Starts another production server (the build the e2e web server made) with its own environment, e.g. a
 * second process on the same database file, or one with a rate limit. Resolves once it answers.
 */
export function startServer({ port, env }: { port: number; env: Record<string, string> }): Promise<RunningServer> {
  return startServerProcess({
    port,
    env,
    describeFailure: ({ reason, output }) => (reason === 'exited' ? `server on ${port} exited: ${output}` : `server on ${port} did not start: ${output}`),
  });
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
 * +10, security-headers.spec.ts +11, sitemaps.spec.ts +12 to +14, newsroom.spec.ts +15.
 */
export const extraPort = (offset: number) => E2E_PORT + offset;
