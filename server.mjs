// The production server: Next's request handler behind a plain Node HTTP server, so that the client's
// socket address is known (Next's own server keeps whatever X-Forwarded-For a client sends), so that this
// process's page cache follows content changes made by other processes, and so that SIGTERM/SIGINT stop the
// server gracefully.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST; // default: every interface, IPv6 and IPv4
const trustProxy = process.env.TRUST_PROXY === '1';
const SHUTDOWN_GRACE_MS = 10_000;

// Cache sync (docs/decisions/0008-caching.md): app/api/internal/cache-sync expires, in this process's cache,
// the tags of every content change recorded in the database since the last call. It is called once before
// the first request is served (expiring everything cached before this process started) and then every second.
const SYNC_PATH = '/api/internal/cache-sync';
const SYNC_INTERVAL_MS = 1_000;
const syncToken = randomBytes(24).toString('hex');
process.env.PORTAL_CACHE_SYNC_TOKEN = syncToken;

// Next 16 sends a redirect rendered into the page cache with two identical Location headers (the render's
// and the cache entry's, both appended); browsers tolerate that, strict clients join them into one bad URL.
// A response has one Location: appending another replaces it.
const appendHeader = http.ServerResponse.prototype.appendHeader;
http.ServerResponse.prototype.appendHeader = function (name, value) {
  if (String(name).toLowerCase() === 'location') return this.setHeader(name, value);
  return appendHeader.call(this, name, value);
};

const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

let resolveSynced;
const synced = new Promise((resolve) => (resolveSynced = resolve));
let ready = false;

const server = http.createServer((req, res) => {
  // Without a trusted proxy in front, the socket's address is the client: drop anything the client claims.
  if (!trustProxy || !req.headers['x-forwarded-for']) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  }
  trackUntilShutdown(res);
  if (ready || req.url === SYNC_PATH) handle(req, res);
  else synced.then(() => handle(req, res));
});
server.keepAliveTimeout = 65_000;

function syncUrl() {
  const address = server.address();
  const loopback = !address || typeof address === 'string' || ['::', '0.0.0.0'].includes(address.address);
  if (loopback) return `http://127.0.0.1:${port}${SYNC_PATH}`;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}${SYNC_PATH}`;
}

let syncing = false;
async function syncCache() {
  if (syncing) return false;
  syncing = true;
  try {
    const response = await fetch(syncUrl(), { method: 'POST', headers: { 'x-portal-sync-token': syncToken } });
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
  syncTimer = setInterval(syncCache, SYNC_INTERVAL_MS);
  syncTimer.unref();
  console.log(`> Ready on http://localhost:${port}`);
});

// Once no request is in flight (or the grace period is over): the database's WAL is copied into the file and
// emptied, and the connection closed (db/client.ts registers the hook when it first loads), so the file is
// complete on its own when the process is gone.
function closeDatabase() {
  try {
    const outcome = globalThis.__portalCloseDatabase?.() ?? 'database was not open';
    console.log(`> ${outcome}`);
  } catch (error) {
    console.error(`> closing the database failed: ${error.message}`);
  }
}

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
  server.close(() => {
    closeDatabase();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`> requests still in flight after ${SHUTDOWN_GRACE_MS / 1000} s: closing their connections`);
    server.closeAllConnections();
    closeDatabase();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
