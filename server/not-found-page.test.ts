import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { createNotFoundPage, mayGetErrorShell, replaceErrorShell, scriptFree, withoutScripts } from './not-found-page.mjs';

// Next's own compression middleware, which its handler puts on top of the wrapper in production.
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware;

const SHELL = `<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden></div>${'<script>x</script>'.repeat(200)}</body></html>`;
const FULL_PAGE = Buffer.from(`<!DOCTYPE html><html lang="vi"><body><h1>Không tìm thấy trang</h1>${'<p>menu</p>'.repeat(200)}</body></html>`);
const OTHER_404 = `<!DOCTYPE html><html lang="vi"><body><h1>Không tìm thấy trang</h1>${'<p>x</p>'.repeat(200)}</body></html>`;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A server that answers like Next: headers set, then the body in chunks through compression. */
async function serve(
  { status, body, page = FULL_PAGE, forbidden }: { status: number; body: string; page?: Buffer | null; forbidden?: Buffer },
  request: { headers?: Record<string, string> } = {},
): Promise<Reply> {
  const server = http.createServer((req, res) => {
    replaceErrorShell(res, async () => page, forbidden ? async () => forbidden : null);
    compression()(req, res, () => {});
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=3300');
    res.setHeader('ETag', '"shell"');
    if (status === 308) res.setHeader('Location', '/news/17');
    res.flushHeaders();
    for (let i = 0; i < body.length; i += 1000) res.write(body.slice(i, i + 1000));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<Reply>((resolve, reject) => {
      http
        .get({ port, host: '127.0.0.1', path: '/news/17/999999/x', headers: request.headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString() : raw.toString();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          });
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

test('the empty error document of a 404 is replaced by the full page; status and caching headers stay', async () => {
  const reply = await serve({ status: 404, body: SHELL });
  assert.equal(reply.status, 404);
  assert.equal(reply.body, FULL_PAGE.toString());
  assert.equal(reply.headers['content-length'], String(FULL_PAGE.length));
  assert.equal(reply.headers['cache-control'], 's-maxage=300, stale-while-revalidate=3300');
  assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(reply.headers.etag, undefined, 'the ETag was of the other body');
});

test('a 403 error document is replaced only where a forbidden page is given (the newsroom)', async () => {
  const forbidden = Buffer.from('<!DOCTYPE html><html lang="vi"><body><h1>Không có quyền</h1></body></html>');
  const replaced = await serve({ status: 403, body: SHELL, forbidden }, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(replaced.status, 403);
  assert.equal(replaced.body, forbidden.toString());
  const kept = await serve({ status: 403, body: SHELL });
  assert.equal(kept.body, SHELL, 'without one, a 403 goes through untouched');
  const notFound = await serve({ status: 404, body: SHELL, forbidden });
  assert.equal(notFound.body, FULL_PAGE.toString(), 'a 404 still gets the not-found page');
});

test('a compressed 404 is replaced in the same encoding', async () => {
  const reply = await serve({ status: 404, body: SHELL }, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(reply.headers['content-encoding'], 'gzip');
  assert.equal(reply.status, 404);
  assert.equal(reply.body, FULL_PAGE.toString());
});

test('other responses go through untouched: a full 404 page, 2xx and 3xx', async () => {
  const full = await serve({ status: 404, body: OTHER_404 }, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(full.body, OTHER_404);
  assert.equal(full.headers.etag, '"shell"');
  for (const status of [200, 308]) {
    const reply = await serve({ status, body: SHELL });
    assert.equal(reply.status, status);
    assert.equal(reply.body, SHELL);
    assert.equal(reply.headers.etag, '"shell"');
  }
});

test('without the full page the error document is sent as it was', async () => {
  const reply = await serve({ status: 404, body: SHELL, page: null });
  assert.equal(reply.status, 404);
  assert.equal(reply.body, SHELL);
});

test('only GETs and HEADs of HTML for the routes that call notFound() are wrapped', () => {
  const req = (method: string, headers: Record<string, string> = {}) => ({ method, headers }) as http.IncomingMessage;
  assert.equal(mayGetErrorShell(req('GET'), '/news/17/999999/x'), true);
  assert.equal(mayGetErrorShell(req('GET'), '/tu-khoa/x?trang=9'), true);
  assert.equal(mayGetErrorShell(req('GET'), '/tac-gia/khong-co'), true);
  assert.equal(mayGetErrorShell(req('GET'), '/tim-kiem?q=a&trang=99'), true);
  assert.equal(mayGetErrorShell(req('HEAD'), '/news/17/999999/x'), true);
  assert.equal(mayGetErrorShell(req('GET'), '/toa-soan/khong-co'), true);
  assert.equal(mayGetErrorShell(req('POST'), '/news/17/999999/x'), false);
  assert.equal(mayGetErrorShell(req('GET', { rsc: '1' }), '/news/17/999999/x'), false);
  assert.equal(mayGetErrorShell(req('GET'), '/news/17/999999/x?_rsc=abc'), true, 'without the header Next sends HTML');
  for (const path of ['/', '/api/ping', '/rss.xml', '/sitemaps/x', '/_next/static/x.js']) assert.equal(mayGetErrorShell(req('GET'), path), false, path);
});

test('the full page is loaded once for concurrent callers, kept a while, and the last good one survives a failure', async () => {
  let loads = 0;
  let fail = false;
  const page = createNotFoundPage(async () => {
    loads++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (fail) throw new Error('down');
    return Buffer.from(`page ${loads}`);
  }, 50);
  const [a, b] = await Promise.all([page(), page()]);
  assert.equal(loads, 1);
  assert.equal(a?.toString(), 'page 1');
  assert.equal(b?.toString(), 'page 1');
  assert.equal((await page())?.toString(), 'page 1');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal((await page())?.toString(), 'page 2');
  await new Promise((resolve) => setTimeout(resolve, 60));
  fail = true;
  const original = console.error;
  console.error = () => {};
  try {
    assert.equal((await page())?.toString(), 'page 2');
  } finally {
    console.error = original;
  }
});

test('a HEAD of such a 404 reports the full page: its length, and no ETag of the other body; a full page stays as it is', async () => {
  // Next answers a HEAD with the headers of the document it would send, and no body.
  const head = async (acceptEncoding?: string, declared = Buffer.byteLength(SHELL)) => {
    const server = http.createServer((req, res) => {
      replaceErrorShell(res, async () => FULL_PAGE);
      compression()(req, res, () => {});
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', String(declared));
      res.setHeader('ETag', '"shell"');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      const response = await fetch(`http://127.0.0.1:${port}/news/17/999999/x`, { method: 'HEAD', headers });
      return response;
    } finally {
      server.close();
    }
  };
  const plain = await head('identity');
  assert.equal(plain.status, 404);
  assert.equal(plain.headers.get('content-length'), String(FULL_PAGE.length));
  assert.equal(plain.headers.get('etag'), null);
  // Next's compression leaves a HEAD alone: the same answer to one that accepts gzip.
  const gzip = await head('gzip');
  assert.equal(gzip.headers.get('content-encoding'), null);
  assert.equal(gzip.headers.get('content-length'), String(FULL_PAGE.length));
  // A path no route matches already gets the full page from Next: its headers, ETag included, stay as they are.
  const full = await head('identity', FULL_PAGE.length);
  assert.equal(full.headers.get('content-length'), String(FULL_PAGE.length));
  assert.equal(full.headers.get('etag'), '"shell"');
});

test("the newsroom's not-found page is the same page without scripts, made again only when the page changes", async () => {
  const page = Buffer.from(
    '<!DOCTYPE html><html lang="vi"><head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/a.js"/>' +
      '<script src="/_next/a.js" async=""></script><script>(function(){var d=1})()</script><link rel="icon" href="/logo.svg"/></head>' +
      '<body><h1>Không tìm thấy trang</h1><script>self.__next_f.push([1,"\\u003c/script\\u003e<p>x"])</script><p>Về trang chủ</p></body></html>',
  );
  const stripped = withoutScripts(page).toString('utf8');
  assert.equal(
    stripped,
    '<!DOCTYPE html><html lang="vi"><head><link rel="stylesheet" href="/a.css"/><link rel="icon" href="/logo.svg"/></head><body><h1>Không tìm thấy trang</h1><p>Về trang chủ</p></body></html>',
  );
  let current: Buffer | null = page;
  const newsroomPage = scriptFree(async () => current);
  const first = await newsroomPage();
  assert.equal(await newsroomPage(), first, 'the same buffer while the page is the same');
  current = Buffer.from('<html lang="vi"><script>x</script><p>new</p></html>');
  assert.equal((await newsroomPage())?.toString('utf8'), '<html lang="vi"><p>new</p></html>');
  current = null;
  assert.equal(await newsroomPage(), null);
});
