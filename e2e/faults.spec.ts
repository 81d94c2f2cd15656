import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { backupDatabase } from '../db/backup';
import seed from './fixtures/seed-article.json';
import { E2E_ENV } from './helpers/content';
import { extraPort, getViews, post, startServer, type RunningServer } from './helpers/servers';

// Health, graceful shutdown, a read-only database, backups: each on servers and databases of its own (ports
// E2E_PORT+5 to +9), except the health check of the e2e server. Runs in the "serial" project.

const ID = 56678; // not the seed article, whose count views.spec.ts watches
const viewsUrl = (base: string) => `${base}/api/articles/${ID}/views`;
const E2E_DB = E2E_ENV.DATABASE_URL.slice('file:'.length);
const run = promisify(execFile);

/** A temporary folder, removed (read-only parts included) after the test. */
function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
}

function removeDir(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
  }
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A consistent copy of the e2e server's database, taken with the online backup API while it runs. */
async function copyOfE2eDatabase(dir: string): Promise<string> {
  return (await backupDatabase({ source: E2E_DB, dir })).file;
}

function withDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const integrity = (file: string) => withDatabase(file, (db) => db.pragma('integrity_check', { simple: true }));
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test.describe('health', () => {
  test('GET /healthz and /api/health answer 200 {"status":"ok"}, uncached, HEAD too, and write nothing', async ({ request }) => {
    const db = new Database(E2E_DB, { readonly: true });
    try {
      const version = db.pragma('data_version', { simple: true });
      for (const url of ['/healthz', '/api/health']) {
        const response = await request.get(url);
        expect(response.status(), url).toBe(200);
        expect(response.headers()['cache-control']).toBe('no-store');
        expect(await response.json()).toEqual({ status: 'ok' });
        const head = await request.head(url);
        expect(head.status()).toBe(200);
        expect(await head.body()).toHaveLength(0);
      }
      // data_version changes when another connection commits: nothing was written.
      expect(db.pragma('data_version', { simple: true })).toBe(version);
    } finally {
      db.close();
    }
  });

  test('a database that cannot be read makes health 503 {"status":"error"} while the process stays up', async () => {
    const dir = tempDir('health');
    const file = path.join(dir, 'portal.db');
    fs.writeFileSync(file, 'this is not a database '.repeat(1000));
    const server = await startServer({ port: extraPort(5), env: { DATABASE_URL: `file:${file}`, MEDIA_DIR: E2E_ENV.MEDIA_DIR } });
    try {
      for (const url of ['/healthz', '/api/health']) {
        const response = await fetch(`${server.url}${url}`);
        expect(response.status, url).toBe(503);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.json()).toEqual({ status: 'error', error: 'database unavailable', code: 'SQLITE_NOTADB' });
        expect((await fetch(`${server.url}${url}`, { method: 'HEAD' })).status).toBe(503);
      }
      expect(server.output()).toMatch(/\[health\] database read failed \(SQLITE_NOTADB\)/);
    } finally {
      await server.stop();
      removeDir(dir);
    }
  });
});

/** A POST to the view counter whose body is still being sent: in flight until `finish` is called. */
function slowPost(url: string, agent: http.Agent) {
  const request = http.request(url, {
    method: 'POST',
    agent,
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) e2e', 'transfer-encoding': 'chunked' },
  });
  const response = new Promise<{ status: number; connection: string | undefined; body: { views?: number; counted?: boolean } }>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) }));
    });
    request.on('error', reject);
  });
  request.write('x');
  return { response, finish: () => request.end('y') };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal}: requests in flight finish, new connections are refused, the WAL is folded in, exit 0`, async () => {
    test.setTimeout(60_000);
    const dir = tempDir('shutdown');
    const agent = new http.Agent({ keepAlive: true });
    let server: RunningServer | undefined;
    try {
      const file = await copyOfE2eDatabase(dir);
      server = await startServer({ port: extraPort(6), env: { DATABASE_URL: `file:${file}`, MEDIA_DIR: E2E_ENV.MEDIA_DIR, VIEW_RATE_LIMIT: '0' } });
      const before = await getViews(server.url, ID);
      expect((await post(viewsUrl(server.url))).body.views).toBe(before + 1); // the WAL has something in it
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

      const inFlight = slowPost(viewsUrl(server.url), agent);
      await new Promise((r) => setTimeout(r, 500)); // the handler is reading the body
      const signalledAt = Date.now();
      server.process.kill(signal);
      await new Promise((r) => setTimeout(r, 500));

      const refused = await fetch(`${server.url}/api/ping`).then(
        () => 'accepted',
        (error: Error & { cause?: { code?: string } }) => error.cause?.code,
      );
      expect(refused).toBe('ECONNREFUSED');
      expect(server.process.exitCode).toBeNull(); // still finishing the request in flight

      inFlight.finish();
      const answer = await inFlight.response;
      const answeredAt = Date.now();
      expect(answer).toEqual({ status: 200, connection: 'close', body: { id: ID, views: before + 2, counted: true } });

      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(10_000); // the grace period (server.mjs)
      expect(Date.now() - answeredAt).toBeLessThan(3_000); // and no longer than the request took
      expect(server.output()).toContain('WAL checkpointed and emptied, closed');

      expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
      // The main file alone holds every acknowledged view.
      const alone = path.join(dir, 'alone.db');
      fs.copyFileSync(file, alone);
      expect(integrity(alone)).toBe('ok');
      expect(withDatabase(alone, (db) => db.prepare('SELECT views FROM article_views WHERE article_id = ?').get(ID))).toEqual({ views: before + 2 });
    } finally {
      agent.destroy();
      await server?.stop();
      removeDir(dir);
    }
  });
}

test('a read-only database: pages and reads are served, a view POST is a 503 JSON error with a log line, the file is untouched', async () => {
  test.setTimeout(60_000);
  const dir = tempDir('readonly');
  let server: RunningServer | undefined;
  try {
    const file = await copyOfE2eDatabase(path.join(dir, 'db'));
    // Root ignores these permissions; DATABASE_READONLY=1 makes SQLite itself refuse to write, for anyone.
    fs.chmodSync(file, 0o444);
    fs.chmodSync(path.dirname(file), 0o555);
    const hash = sha256(file);
    server = await startServer({
      port: extraPort(7),
      env: { DATABASE_URL: `file:${file}`, DATABASE_READONLY: '1', MEDIA_DIR: E2E_ENV.MEDIA_DIR, VIEW_RATE_LIMIT: '0' },
    });

    for (const url of ['/', seed.article.url, '/news/17', '/tim-kiem?q=hoi+nghi', '/sitemap.xml', '/rss.xml']) {
      expect((await fetch(`${server.url}${url}`)).status, url).toBe(200);
    }
    expect(await (await fetch(`${server.url}${seed.article.url}`)).text()).toContain(`<h1 class="article__title">${seed.article.title}</h1>`);
    const views = await getViews(server.url, ID);

    const response = await fetch(viewsUrl(server.url), { method: 'POST', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) e2e' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: expect.any(String) });
    await expect.poll(() => server!.output()).toMatch(new RegExp(`\\[storage\\] POST /api/articles/${ID}/views: database unavailable \\(SQLITE_READONLY\\)`));

    expect(await getViews(server.url, ID)).toBe(views);
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', writable: false }]);

    await server.stop();
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]); // no journal, -wal or -shm
    expect(integrity(file)).toBe('ok');
    expect(integrity(E2E_DB)).toBe('ok');
  } finally {
    await server?.stop();
    removeDir(dir);
  }
});

test('npm run db:backup under a storm of view POSTs, then db:restore into a new place: same articles, counts in between', async () => {
  test.setTimeout(120_000);
  const dir = tempDir('backup');
  let server: RunningServer | undefined;
  let restored: RunningServer | undefined;
  try {
    const file = await copyOfE2eDatabase(path.join(dir, 'live'));
    const env = { DATABASE_URL: `file:${file}`, MEDIA_DIR: E2E_ENV.MEDIA_DIR, VIEW_RATE_LIMIT: '0' };
    server = await startServer({ port: extraPort(8), env });
    const url = server.url;

    let acknowledged = 0;
    let stop = false;
    const workers = Array.from({ length: 8 }, async () => {
      while (!stop) if ((await post(viewsUrl(url))).body.counted) acknowledged++;
    });
    await new Promise((r) => setTimeout(r, 1000));
    const atLeast = await getViews(url, ID); // committed before the backup began
    const ackedBefore = acknowledged;
    const backup = await run('npm', ['run', '--silent', 'db:backup', '--', path.join(dir, 'backups')], { env: { ...process.env, ...env } });
    const ackedDuring = acknowledged - ackedBefore;
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);
    const atMost = await getViews(url, ID);
    await server.stop();
    expect(ackedDuring, 'views were counted while the backup ran').toBeGreaterThan(0);
    expect(atMost).toBeGreaterThan(atLeast);

    const backupFile = backup.stdout.split('\n').find((line) => /portal-\d{8}T\d{6}Z(-\d+)?\.db$/.test(line))!;
    expect(backupFile, backup.stdout).toBeTruthy();
    expect(backup.stdout).toContain('integrity ok');
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(backupFile)]);

    const target = path.join(dir, 'restored', 'portal.db');
    const restore = await run('npm', ['run', '--silent', 'db:restore', '--', backupFile], { env: { ...process.env, DATABASE_URL: `file:${target}` } });
    expect(restore.stdout).toContain(`into ${target}`);
    expect(integrity(target)).toBe('ok');

    const content = (db: Database.Database) => ({
      articles: db.prepare('SELECT * FROM articles ORDER BY id').all(),
      keywords: db.prepare('SELECT * FROM article_keywords ORDER BY article_id, position').all(),
      categories: db.prepare('SELECT * FROM categories ORDER BY id').all(),
      images: db.prepare('SELECT * FROM images ORDER BY id').all(),
      otherViews: db.prepare('SELECT * FROM article_views WHERE article_id <> ? ORDER BY article_id').all(ID),
    });
    expect(withDatabase(target, content)).toEqual(withDatabase(file, content));
    const restoredViews = withDatabase(target, (db) => (db.prepare('SELECT views FROM article_views WHERE article_id = ?').get(ID) as { views: number }).views);
    expect(restoredViews).toBeGreaterThanOrEqual(atLeast);
    expect(restoredViews).toBeLessThanOrEqual(atMost);

    // The site serves the restored database.
    restored = await startServer({ port: extraPort(9), env: { ...env, DATABASE_URL: `file:${target}` } });
    expect(await getViews(restored.url, ID)).toBe(restoredViews);
    const page = await fetch(`${restored.url}${seed.article.url}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<h1 class="article__title">${seed.article.title}</h1>`);
  } finally {
    await server?.stop();
    await restored?.stop();
    removeDir(dir);
  }
});
