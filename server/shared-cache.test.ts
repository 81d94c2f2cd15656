import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DEFAULT_SHARED_CACHE, rewriteSharedCacheControl, sharedCacheControl, sharedCacheSettings, tierExpiry } from './shared-cache.mjs';

const settings: { maxAge: number; stale: number; staleIfError: number } = DEFAULT_SHARED_CACHE;
const PAGE = 's-maxage=1, stale-while-revalidate=0, stale-if-error=86400';

test('pages from Next’s cache get seconds in shared caches instead of minutes', () => {
  assert.equal(sharedCacheControl('s-maxage=300, stale-while-revalidate=3300', settings), PAGE);
  assert.equal(sharedCacheControl('s-maxage=300', settings), PAGE);
  assert.equal(sharedCacheControl(['s-maxage=300', 'stale-while-revalidate=3300'], settings), PAGE);
  // Sitemaps and feeds keep their own directives around the replaced ones.
  assert.equal(
    sharedCacheControl('public, max-age=0, s-maxage=300, stale-while-revalidate=60', settings),
    'public, max-age=0, s-maxage=1, stale-while-revalidate=0, stale-if-error=86400',
  );
  assert.equal(sharedCacheControl('S-MaxAge=5,stale-if-error=1', { maxAge: 0, stale: 0, staleIfError: 9 }), 's-maxage=0, stale-while-revalidate=0, stale-if-error=9');
});

test('everything without s-maxage is left alone', () => {
  for (const value of [
    'no-store',
    'public, max-age=31536000, immutable',
    'public, max-age=31536000, must-revalidate',
    'private, no-cache, no-store, max-age=0, must-revalidate',
    'max-age=60, stale-while-revalidate=10',
  ]) {
    assert.equal(sharedCacheControl(value, settings), value);
  }
  assert.equal(sharedCacheControl(undefined, settings), undefined);
});

test('the lifetimes come from the environment, and a bad value stops the server', () => {
  // A second, nothing stale: a publication shows through the tier within 2 s (decision 0014, note of 2026-12-03).
  assert.deepEqual(sharedCacheSettings({}), { maxAge: 1, stale: 0, staleIfError: 86_400 });
  assert.deepEqual(sharedCacheSettings({ SHARED_CACHE_MAX_AGE: '5', SHARED_CACHE_STALE: '0' }), { maxAge: 5, stale: 0, staleIfError: 86_400 });
  assert.deepEqual(sharedCacheSettings({ SHARED_CACHE_MAX_AGE: '' }), DEFAULT_SHARED_CACHE);
  for (const bad of ['-1', '2.5', 'two', '1e3']) {
    assert.throws(() => sharedCacheSettings({ SHARED_CACHE_MAX_AGE: bad }), /SHARED_CACHE_MAX_AGE must be a whole number/);
  }
});

test('nginx is told the last whole second it may keep a copy: at most max-age seconds from now', () => {
  const at = Date.UTC(2026, 11, 3, 14, 0, 0, 999);
  const second = at / 1000 - 0.999;
  assert.equal(tierExpiry({ maxAge: 1 }, at), `@${second}`);
  assert.equal(tierExpiry({ maxAge: 1 }, at + 1), `@${second + 1}`);
  assert.equal(tierExpiry({ maxAge: 5 }, at), `@${second + 4}`);
  assert.equal(tierExpiry({ maxAge: 0 }, at), null);
});

// Next's own compression middleware, which its handler puts on top of the wrapper in production.
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware;

const NOW = Date.UTC(2026, 11, 3, 14, 0, 0, 500);
const EXPIRY = `@${Math.floor(NOW / 1000)}`;

async function reply(send: (res: http.ServerResponse) => void, headers: Record<string, string> = {}, compress = true, lifetimes = settings) {
  const server = http.createServer((req, res) => {
    rewriteSharedCacheControl(res, lifetimes, () => NOW);
    if (compress) compression()(req, res, () => {});
    send(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<http.IncomingMessage>((resolve, reject) => {
      // rawHeaders keep the order the headers were sent in.
      http.get({ host: '127.0.0.1', port, path: '/', headers }, (response) => response.resume().once('end', () => resolve(response))).once('error', reject);
    });
  } finally {
    server.close();
  }
}

/** X-Accel-Expires as nginx reads it: its value when it comes after Cache-Control, which nginx 1.22 skips otherwise. */
function tierExpiryOf(response: http.IncomingMessage): string | undefined {
  const names = response.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
  const at = names.indexOf('x-accel-expires');
  if (at === -1) return undefined;
  return at > names.indexOf('cache-control') ? response.rawHeaders[2 * at + 1] : 'before Cache-Control';
}

test('the header is rewritten however the response sends it, compressed or not', async () => {
  const body = '<!DOCTYPE html>' + 'x'.repeat(5000);
  const viaSetHeader = (res: http.ServerResponse) => {
    res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=3300');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(body);
  };
  for (const encoding of ['gzip', 'identity']) {
    const response = await reply(viaSetHeader, { 'accept-encoding': encoding });
    assert.equal(response.headers['cache-control'], PAGE, encoding);
    assert.equal(tierExpiryOf(response), EXPIRY, encoding);
    assert.equal(response.headers['content-encoding'], encoding === 'gzip' ? 'gzip' : undefined);
  }
  // Next's compression middleware hands writeHead's headers to setHeader before the wrapper sees them; without it
  // they reach the wrapper as writeHead's argument.
  for (const compress of [true, false]) {
    const viaWriteHead = await reply((res) => res.writeHead(200, { 'cache-control': 's-maxage=300', 'content-type': 'text/plain' }).end('ok'), {}, compress);
    assert.equal(viaWriteHead.headers['cache-control'], PAGE);
    assert.equal(tierExpiryOf(viaWriteHead), EXPIRY);
    // As server.mjs answers: its own headers set first, Next's given to writeHead.
    const mixed = await reply((res) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 's-maxage=300' }).end('ok');
    }, {}, compress);
    assert.equal(mixed.headers['cache-control'], PAGE);
    assert.equal(tierExpiryOf(mixed), EXPIRY);
  }
  const viaRawArray = await reply((res) => res.writeHead(200, ['Cache-Control', 's-maxage=300', 'Content-Type', 'text/plain']).end('ok'), {}, false);
  assert.equal(viaRawArray.headers['cache-control'], PAGE);
  assert.equal(tierExpiryOf(viaRawArray), EXPIRY);
  const untouched = await reply((res) => res.writeHead(200, { 'Cache-Control': 'no-store' }).end('{}'));
  assert.equal(untouched.headers['cache-control'], 'no-store');
  assert.equal(tierExpiryOf(untouched), undefined);
  const flushed = await reply((res) => {
    res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=3300');
    res.flushHeaders();
    res.end('late body');
  });
  assert.equal(flushed.headers['cache-control'], PAGE);
  assert.equal(tierExpiryOf(flushed), EXPIRY);
});

test('with SHARED_CACHE_MAX_AGE=0 shared caches keep nothing, and nginx is not told otherwise', async () => {
  const response = await reply((res) => res.writeHead(200, { 'cache-control': 's-maxage=300' }).end('ok'), {}, true, { maxAge: 0, stale: 0, staleIfError: 86_400 });
  assert.equal(response.headers['cache-control'], 's-maxage=0, stale-while-revalidate=0, stale-if-error=86400');
  assert.equal(tierExpiryOf(response), undefined);
});
