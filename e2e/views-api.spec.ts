import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_ENV } from './helpers/content';
import seed from './fixtures/seed-article.json';
import { E2E_BASE_URL, extraPort, getViews, post, postConcurrently, startServer, type PostResult } from './helpers/servers';

// Runs in the "views" project, one test at a time. Article 56678 is used so the seed article's count is
// left to views.spec.ts.
const ID = 56678;
const viewsUrl = (base: string, id: number | string = ID) => `${base}/api/articles/${id}/views`;

test.describe('GET and POST /api/articles/[id]/views', () => {
  test('GET returns the count, uncached', async ({ request }) => {
    const response = await request.get(viewsUrl(''));
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toEqual({ id: ID, views: expect.any(Number) });
  });

  test('POST adds exactly one and says it counted', async ({ request }) => {
    const before = await getViews(E2E_BASE_URL, ID);
    const response = await request.post(viewsUrl(''), { headers: { 'user-agent': 'Mozilla/5.0 (Android 14; Mobile)' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toEqual({ id: ID, views: before + 1, counted: true });
  });

  test('bad ids are 400, unknown or unpublished articles 404, as JSON errors', async ({ request }) => {
    for (const id of ['abc', '-1', '1.5', '1e3', '99999999999999999999', '%00']) {
      for (const method of ['get', 'post'] as const) {
        const response = await request[method](viewsUrl('', id));
        expect(response.status(), `${method} ${id}`).toBe(400);
        expect(await response.json()).toEqual({ error: expect.any(String) });
      }
    }
    for (const id of [99999, 59312 /* a draft */]) {
      const response = await request.post(viewsUrl('', id));
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });

  test('other methods are 405 and a body over 1 KiB is 413, as JSON errors', async ({ request }) => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await request.fetch(viewsUrl(''), { method });
      expect(response.status(), method).toBe(405);
      expect(response.headers().allow).toBe('GET, POST');
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    const before = await getViews(E2E_BASE_URL, ID);
    const big = await request.post(viewsUrl(''), { data: 'x'.repeat(1025) });
    expect(big.status()).toBe(413);
    expect(await big.json()).toEqual({ error: expect.any(String) });
    expect((await request.post(viewsUrl(''), { data: 'x'.repeat(1024) })).status()).toBe(200);
    expect(await getViews(E2E_BASE_URL, ID)).toBe(before + 1);
  });
});

test.describe('exactness under load', () => {
  test('2,000 concurrent POSTs over 50 connections raise the count by exactly 2,000', async () => {
    const before = await getViews(E2E_BASE_URL, ID);
    const results = await postConcurrently(viewsUrl(E2E_BASE_URL), { total: 2000, connections: 50 });
    expect(results.filter((r) => r.status === 200 && r.body.counted).length).toBe(2000);
    expect(await getViews(E2E_BASE_URL, ID)).toBe(before + 2000);
    const counts = results.map((r) => r.body.views!);
    expect(new Set(counts).size).toBe(2000); // every increment returned its own new value
  });

  test('two server processes on one database file: 1,000 POSTs each at once add exactly 2,000', async () => {
    const second = await startServer({ port: extraPort(1), env: { ...E2E_ENV, VIEW_RATE_LIMIT: '0' } });
    try {
      const before = await getViews(E2E_BASE_URL, ID);
      const [a, b] = await Promise.all([
        postConcurrently(viewsUrl(E2E_BASE_URL), { total: 1000, connections: 25 }),
        postConcurrently(viewsUrl(second.url), { total: 1000, connections: 25 }),
      ]);
      expect([...a, ...b].filter((r) => r.status === 200 && r.body.counted).length).toBe(2000);
      expect(await getViews(E2E_BASE_URL, ID)).toBe(before + 2000);
      expect(await getViews(second.url, ID)).toBe(before + 2000);
    } finally {
      await second.stop();
    }
  });
});

test.describe('per-client limit', () => {
  test('at most VIEW_RATE_LIMIT counted views a minute from one socket address, whatever X-Forwarded-For claims', async () => {
    const server = await startServer({ port: extraPort(2), env: { ...E2E_ENV, VIEW_RATE_LIMIT: '5' } });
    try {
      const results: PostResult[] = [];
      for (let i = 0; i < 8; i++) results.push(await post(viewsUrl(server.url), { headers: { 'x-forwarded-for': `198.51.100.${i}` } }));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(results.map((r) => r.body.counted)).toEqual([true, true, true, true, true, false, false, false]);
      expect(results[7]!.body.views).toBe(results[4]!.body.views); // not counted: the current count
    } finally {
      await server.stop();
    }
  });

  test('with TRUST_PROXY=1 the first X-Forwarded-For entry is the client', async () => {
    const server = await startServer({ port: extraPort(3), env: { ...E2E_ENV, VIEW_RATE_LIMIT: '2', TRUST_PROXY: '1' } });
    try {
      const from = (client: string) => post(viewsUrl(server.url), { headers: { 'x-forwarded-for': `${client}, 10.0.0.1` } });
      const counted = async (client: string) => (await from(client)).body.counted;
      expect([await counted('203.0.113.1'), await counted('203.0.113.1'), await counted('203.0.113.1')]).toEqual([true, true, false]);
      expect(await counted('203.0.113.2')).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

test('kill -9 during a storm of POSTs loses no acknowledged view, leaves the database intact, and the restarted site serves normally', async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'));
  const file = path.join(dir, 'crash.db');
  try {
    const env = { DATABASE_URL: `file:${file}`, MEDIA_DIR: path.join(dir, 'media'), VIEW_RATE_LIMIT: '0' };
    execFileSync(path.join('node_modules', '.bin', 'tsx'), ['db/seed/run.ts'], { env: { ...process.env, ...env } });
    const server = await startServer({ port: extraPort(4), env });
    const initial = await getViews(server.url, ID);
    let highest = 0;
    let acknowledged = 0;
    let stop = false;
    const workers = Array.from({ length: 16 }, async () => {
      while (!stop) {
        const result = await post(viewsUrl(server.url));
        if (result.status === 200 && result.body.counted) {
          acknowledged++;
          highest = Math.max(highest, result.body.views!);
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    server.process.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(workers);
    expect(acknowledged).toBeGreaterThan(0);

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = (db.prepare('SELECT views FROM article_views WHERE article_id = ?').get(ID) as { views: number }).views;
    db.close();
    // Every POST answered "counted" is in the file: the highest count any of them returned, and as many
    // increments as there were such answers (a request in flight at the kill may have counted unanswered).
    expect(stored).toBeGreaterThanOrEqual(highest);
    expect(stored - initial).toBeGreaterThanOrEqual(acknowledged);

    const restarted = await startServer({ port: extraPort(4), env });
    try {
      expect(await getViews(restarted.url, ID)).toBe(stored);
      const health = await fetch(`${restarted.url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const page = await fetch(`${restarted.url}${seed.article.url}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<h1 class="article__title">${seed.article.title}</h1>`);
      const counted = await post(viewsUrl(restarted.url));
      expect([counted.status, counted.body.counted, counted.body.views]).toEqual([200, true, stored + 1]);
    } finally {
      await restarted.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
