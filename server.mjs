// The production server: Next's request handler behind a plain Node HTTP server, so that the client's
// socket address is known (Next's own server keeps whatever X-Forwarded-For a client sends), so that this
// process's page cache follows content changes made by other processes, so that bad requests get a deliberate
// answer rather than a 500 or an empty page (docs/decisions/0012-bad-requests.md), so that shared caches in front
// keep pages for seconds only (docs/decisions/0014-http-cache-tier.md), and so that SIGTERM/SIGINT stop the
// server gracefully.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import next from 'next';
import { CACHE_SYNC_INTERVAL_MS, CACHE_SYNC_PATH, CACHE_SYNC_TOKEN_HEADER } from './config/cache-sync.mjs';
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from './config/security-headers.js';
import { getEnv, handOverCacheSyncToken } from './env.mjs';
import { imageCacheMaxBytes } from './server/cache-handler.mjs';
import { allocatorNote, imageEncoders, limitImageEncoders } from './server/image-encoders.mjs';
import { createNotFoundPage, mayGetErrorShell, replaceErrorShell, scriptFree } from './server/not-found-page.mjs';
import { dropRequestPolicies, isNewsroomPath, NEWSROOM_FORBIDDEN_PAGE, refuseCrossSite, secureNewsroomExchange } from './server/newsroom.mjs';
import { guardRequest, originForm, PAGE_ALLOW } from './server/request-guard.mjs';
import { rewriteSharedCacheControl, sharedCacheSettings } from './server/shared-cache.mjs';
import { encodeLongStringBodies } from './server/string-body.mjs';

// This is the production server (next({ dev: false }) below): NODE_ENV says so before anything reads it, so that
// nothing takes it for a development run (db/auth.ts signs newsroom cookies with a development secret only there).
if (process.env.NODE_ENV !== 'production') {
  if (process.env.NODE_ENV) console.warn(`NODE_ENV=${process.env.NODE_ENV} ignored: server.mjs always runs in production mode`);
  process.env.NODE_ENV = 'production';
}
const env = getEnv();
const port = env.PORT;
const host = env.HOST; // default: every interface, IPv6 and IPv4
const trustProxy = env.TRUST_PROXY === '1';
const SHUTDOWN_GRACE_MS = 10_000;
// How long shared caches in front (nginx, a CDN) may keep pages: seconds, not Next's 5 minutes, because they
// cannot be told what an edit touched (server/shared-cache.mjs, docs/decisions/0014-http-cache-tier.md).
const sharedCache = sharedCacheSettings(env);
// Read by the cache handler on the first photo; checked here so that a bad value stops the server at once.
imageCacheMaxBytes(env);
// Photos encoded at once by next/image in this process (IMAGE_ENCODERS, default 1): each holds tens of megabytes of
// native memory, which a crawler asking for every photo size would otherwise multiply (server/image-encoders.mjs).
limitImageEncoders(imageEncoders(env));
const note = allocatorNote(env);
if (note) console.warn(note);

// Security headers (docs/security.md) go on here rather than in next.config.js `headers()`: Next leaves those
// off its own redirects (a trailing slash, `//`), and Strict-Transport-Security depends on SITE_URL, which is
// read at run time while next.config.js headers are fixed at build time.
const responseHeaders = env.SITE_URL?.startsWith('https://')
  ? [...SECURITY_HEADERS, ['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY]]
  : SECURITY_HEADERS;

// Cache sync (docs/decisions/0008-caching.md): app/api/internal/cache-sync expires, in this process's cache,
// the tags of every content change recorded in the database since the last call. It is called once before
// the first request is served (expiring everything cached before this process started) and then every 250 ms.
// Path, header and interval: config/cache-sync.mjs; the token is this process's own, handed to the app it loads.
const syncToken = randomBytes(24).toString('hex');
handOverCacheSyncToken(syncToken);

// Next 16 sends a redirect rendered into the page cache with two identical Location headers (the render's
// and the cache entry's, both appended); browsers tolerate that, strict clients join them into one bad URL.
// A response has one Location: appending another replaces it.
const appendHeader = http.ServerResponse.prototype.appendHeader;
http.ServerResponse.prototype.appendHeader = function (name, value) {
  if (String(name).toLowerCase() === 'location') return this.setHeader(name, value);
  return appendHeader.call(this, name, value);
};

// `httpServer`: Next would otherwise attach an 'upgrade' listener to the server of its first request, which closes
// every request with an Upgrade header (WebSocket, h2c) without an answer. The site speaks no other protocol;
// without that listener Node hands such requests to the handler below like any other (RFC 9110 §7.8).
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port, httpServer: new EventEmitter() });
const handle = app.getRequestHandler();
await app.prepare();

let resolveSynced;
const synced = new Promise((resolve) => (resolveSynced = resolve));
let ready = false;

// The full not-found page, from Next itself: a path that matches no route.
const NOT_FOUND_PATH = '/__khong-tim-thay';
const notFoundPage = createNotFoundPage(async () => {
  const response = await fetch(loopbackUrl(NOT_FOUND_PATH));
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 404 || !body.includes('<html lang="vi"')) throw new Error(`${NOT_FOUND_PATH} answered ${response.status}`);
  return body;
});
// The newsroom's: the same page without its scripts, which carry no nonce (server/not-found-page.mjs).
const newsroomNotFoundPage = scriptFree(notFoundPage);

const server = http.createServer((req, res) => {
  for (const [name, value] of responseHeaders) res.setHeader(name, value);
  // The newsroom (/toa-soan): no cache, no index, no foreign form posts, scripts only with this response's nonce
  // (server/newsroom.mjs).
  const newsroom = isNewsroomPath((originForm(req.url ?? '') ?? '').split('?', 1)[0] ?? '');
  if (newsroom) secureNewsroomExchange(req, res);
  else dropRequestPolicies(req);
  const refused = newsroom && refuseCrossSite({ method: req.method ?? '', origin: req.headers.origin, siteUrl: env.siteUrl });
  if (refused) return void sendAnswer(res, refused);
  const guarded = guardRequest({ method: req.method ?? '', url: req.url ?? '' });
  if ('answer' in guarded) return void sendAnswer(res, guarded.answer);
  req.url = guarded.target;
  // Without a trusted proxy in front, the socket's address is the client: drop anything the client claims.
  if (!trustProxy || !req.headers['x-forwarded-for']) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  }
  trackUntilShutdown(res);
  encodeLongStringBodies(res);
  rewriteSharedCacheControl(res, sharedCache);
  if (mayGetErrorShell(req, guarded.target)) {
    if (newsroom) replaceErrorShell(res, newsroomNotFoundPage, async () => NEWSROOM_FORBIDDEN_PAGE);
    else replaceErrorShell(res, notFoundPage);
  }
  if (ready || req.url === CACHE_SYNC_PATH) handle(req, res);
  else synced.then(() => handle(req, res));
});
server.keepAliveTimeout = 65_000;
// CONNECT asks this server to be a proxy, which it is not. Without a listener Node would drop the connection.
server.on('connect', (_req, socket) => {
  socket.on('error', () => {});
  const security = responseHeaders.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${PAGE_ALLOW}\r\n${security}Content-Length: 0\r\nConnection: close\r\n\r\n`);
});

/** @param {http.ServerResponse} res @param {import('./server/request-guard.mjs').GuardAnswer} answer */
async function sendAnswer(res, answer) {
  let body = '';
  const headers = { 'Cache-Control': 'no-store', ...answer.headers };
  if (answer.body === 'json') {
    body = JSON.stringify({ error: answer.error });
    headers['Content-Type'] = 'application/json';
  } else if (answer.body === 'text') {
    body = answer.text;
    headers['Content-Type'] = 'text/plain; charset=utf-8';
  } else if (answer.body === 'not-found-page') {
    body = (await notFoundPage()) ?? '<!DOCTYPE html><html lang="vi"><title>Không tìm thấy trang</title><h1>Không tìm thấy trang</h1><p><a href="/">Về trang chủ</a></p></html>';
  }
  // A 204 has no length; a HEAD answer leaves out the length its GET would have.
  if (answer.body !== 'none') headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, headers).end(body);
}

function loopbackUrl(path) {
  const address = server.address();
  const loopback = !address || typeof address === 'string' || ['::', '0.0.0.0'].includes(address.address);
  if (loopback) return `http://127.0.0.1:${port}${path}`;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}${path}`;
}

let syncing = false;
async function syncCache() {
  if (syncing) return false;
  syncing = true;
  try {
    // identity: fetch asks for gzip by default, and compressing and inflating a few bytes of JSON four times a
    // second was a third of the call's CPU time.
    const response = await fetch(loopbackUrl(CACHE_SYNC_PATH), { method: 'POST', headers: { [CACHE_SYNC_TOKEN_HEADER]: syncToken, 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const result = await response.json();
    if (result.expired === 'all' || result.expired.length) {
      console.log(`> cache: expired ${result.expired === 'all' ? 'everything' : result.expired.join(', ')}`);
    }
    return true;
  } catch (error) {
    console.error(`> cache sync failed: ${error.message}`);
    return false;
  } finally {
    syncing = false;
  }
}

let syncTimer;
server.listen({ port, host }, async () => {
  for (let attempt = 1; attempt <= 5 && !(await syncCache()); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  ready = true;
  resolveSynced();
  syncTimer = setInterval(syncCache, CACHE_SYNC_INTERVAL_MS);
  syncTimer.unref();
  console.log(`> Ready on http://localhost:${port}`);
});

// Requests in flight when shutdown starts are finished; their keep-alive connections are then closed at once
// (told so with `Connection: close` when the headers are not out yet) rather than left open until the grace
// period ends.
let stopping = false;
const inFlight = new Set();
function trackUntilShutdown(res) {
  if (stopping) res.shouldKeepAlive = false;
  inFlight.add(res);
  res.on('close', () => inFlight.delete(res));
  res.on('finish', () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
}

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  clearInterval(syncTimer);
  for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
  console.log(`> ${signal}: finishing requests in flight, then stopping`);
  // Stops accepting connections; the callback runs when the last open connection has closed.
  // The process then exits, and the database closes itself on the way out (db/client.ts: a SQLite file's WAL is
  // copied into it and emptied, so the file is complete on its own).
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`> requests still in flight after ${SHUTDOWN_GRACE_MS / 1000} s: closing their connections`);
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
