import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ALLOCATOR_ENV, serverEnvironment, startServerProcess, type ServerProcess, type StartFailure } from './server-process.mjs';

// A throwaway server, not the app: listens on PORT after LISTEN_AFTER_MS; EXIT_EARLY makes it fail on start;
// IGNORE_SIGTERM makes it hang on to life. /api/ping answers POST only when POST_ONLY is set.
const SCRIPT = `
import http from 'node:http';
const { PORT, LISTEN_AFTER_MS = '0', EXIT_EARLY, IGNORE_SIGTERM, POST_ONLY } = process.env;
if (EXIT_EARLY) {
  console.log('starting');
  console.error('boom: ' + EXIT_EARLY);
  process.exit(3);
}
const server = http.createServer((req, res) => {
  if (req.url !== '/api/ping' || (POST_ONLY && req.method !== 'POST')) {
    res.writeHead(405).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  const { NODE_ENV, EXTRA, MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ } = process.env;
  res.end(JSON.stringify({ method: req.method, NODE_ENV, PORT, EXTRA, MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ }));
});
setTimeout(() => server.listen(Number(PORT), '127.0.0.1', () => console.log('listening on ' + PORT)), Number(LISTEN_AFTER_MS));
process.on('SIGTERM', () => {
  if (IGNORE_SIGTERM) return console.log('ignoring SIGTERM');
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
});
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-process-test-'));
const script = path.join(dir, 'server.mjs');
fs.writeFileSync(script, SCRIPT);
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A port nothing listens on now (the kernel's choice, above the ones the project's servers use). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test('waits until the server answers, passes the environment, keeps its output, and stop() waits for the exit', async () => {
  const port = await freePort();
  const started = Date.now();
  const server = await startServerProcess({ port, args: [script], env: { LISTEN_AFTER_MS: '600', EXTRA: 'yes', NODE_ENV: 'development' } });
  try {
    assert.ok(Date.now() - started >= 600, 'resolved before the server listened');
    assert.equal(server.url, `http://127.0.0.1:${port}`);
    assert.equal(server.pid, server.process.pid);
    const response = await fetch(`${server.url}/api/ping`);
    assert.deepEqual(await response.json(), {
      method: 'GET',
      NODE_ENV: 'production',
      PORT: String(port),
      EXTRA: 'yes',
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
    });
    assert.match(server.output(), new RegExp(`listening on ${port}`));
  } finally {
    await server.stop();
  }
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  assert.match(server.output(), /SIGTERM: closing/);
  await server.stop(); // a second stop is nothing
});

test('the server gets the allocator settings that bound the photo encoder’s memory, unless its environment has its own', async () => {
  assert.deepEqual(ALLOCATOR_ENV, { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
  assert.deepEqual(serverEnvironment({ PORT: '1' }), { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', PORT: '1' });
  assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '4' }), { MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '131072' });
  // npm start spawns the server with them (scripts/start.mjs), as the tools do through startServerProcess.
  const start = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'start.mjs'), 'utf8');
  assert.match(start, /spawn\(process\.execPath, SERVER_ARGS, \{[^}]*env: serverEnvironment\(/);
  const port = await freePort();
  const server = await startServerProcess({ port, args: [script], env: { MALLOC_ARENA_MAX: '1' } });
  try {
    const answer = await (await fetch(`${server.url}/api/ping`)).json();
    assert.equal(answer.MALLOC_ARENA_MAX, '1');
    assert.equal(answer.MALLOC_MMAP_THRESHOLD_, process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072');
  } finally {
    await server.stop();
  }
});

test('asks readyPath with readyMethod, and logFile receives both streams', async () => {
  const port = await freePort();
  const logFile = path.join(dir, 'server.log');
  const server = await startServerProcess({ port, args: [script], env: { POST_ONLY: '1' }, readyMethod: 'POST', logFile });
  await server.stop();
  assert.equal(server.output(), '');
  assert.match(fs.readFileSync(logFile, 'utf8'), new RegExp(`listening on ${port}\\nSIGTERM: closing`));
});

test('an early exit is reported at once, with what the process wrote', async () => {
  const port = await freePort();
  const started = Date.now();
  await assert.rejects(startServerProcess({ port, args: [script], env: { EXIT_EARLY: 'no database' } }), (error: Error) => {
    assert.match(error.message, new RegExp(`the server on port ${port} exited \\(exit code 3\\) before http://127.0.0.1:${port}/api/ping answered`));
    assert.match(error.message, /starting/);
    assert.match(error.message, /boom: no database/);
    return true;
  });
  assert.ok(Date.now() - started < 10_000);

  const failures: StartFailure[] = [];
  await assert.rejects(
    startServerProcess({
      port,
      args: [script],
      env: { EXIT_EARLY: 'again' },
      describeFailure: (failure) => {
        failures.push(failure);
        return `custom: ${failure.reason}`;
      },
    }),
    { message: 'custom: exited' },
  );
  assert.equal(failures[0]?.status?.code, 3);
  assert.match(failures[0]?.output ?? '', /boom: again/);
});

test('a server that does not answer in time is stopped, and one that ignores SIGTERM is killed after the grace', async () => {
  const port = await freePort();
  let spawned: ServerProcess | undefined;
  await assert.rejects(
    startServerProcess({
      port,
      args: [script],
      env: { LISTEN_AFTER_MS: '60000', IGNORE_SIGTERM: '1' },
      // Long enough for the child to start and set its SIGTERM handler on a busy machine (0.5 s was not, under a
      // load of 8: the SIGTERM then killed it outright and it never said it ignored it).
      timeoutMs: 3_000,
      stopGraceMs: 300,
      onSpawn: (server) => (spawned = server),
    }),
    { message: `http://127.0.0.1:${port}/api/ping did not answer within 3 s:\nignoring SIGTERM\n` },
  );
  assert.ok(spawned);
  assert.deepEqual(await spawned.exited, { code: null, signal: 'SIGKILL' });
});

test('a server is stopped when the process that started it dies of an uncaught exception', async () => {
  const port = await freePort();
  const helper = fileURLToPath(new URL('./server-process.mjs', import.meta.url));
  const parent = path.join(dir, 'parent.mjs');
  fs.writeFileSync(
    parent,
    `import { startServerProcess } from ${JSON.stringify(helper)};
    const server = await startServerProcess({ port: ${port}, args: [${JSON.stringify(script)}] });
    console.log(server.pid);
    setTimeout(() => { throw new Error('crash'); }, 10);`,
  );
  const result = spawnSync(process.execPath, [parent], { encoding: 'utf8', timeout: 20_000 });
  assert.match(result.stderr, /Error: crash/);
  const pid = Number(result.stdout.trim());
  assert.ok(pid > 0, result.stdout);
  // Gone, or a zombie its new parent has not reaped yet.
  const alive = () => {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const left = alive();
  if (left) process.kill(pid, 'SIGKILL');
  assert.equal(left, false, `server ${pid} still running`);
});
