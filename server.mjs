// The production server: Next's request handler behind a plain Node HTTP server, so that the client's
// socket address is known (Next's own server keeps whatever X-Forwarded-For a client sends) and so that
// SIGTERM/SIGINT stop the server gracefully.
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST; // default: every interface, IPv6 and IPv4
const trustProxy = process.env.TRUST_PROXY === '1';
const SHUTDOWN_GRACE_MS = 10_000;

const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // Without a trusted proxy in front, the socket's address is the client: drop anything the client claims.
  if (!trustProxy || !req.headers['x-forwarded-for']) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  }
  handle(req, res);
});
server.keepAliveTimeout = 65_000;

server.listen({ port, host }, () => {
  console.log(`> Ready on http://localhost:${port}`);
});

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`> ${signal}: finishing requests in flight, then stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
