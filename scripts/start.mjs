// npm start: migrate and seed an empty database, build when the sources changed, then serve on PORT
// (server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { SERVER_ARGS, serverEnvironment } from './lib/server-process.mjs';
import { bin, buildIfChanged } from './lib/build.mjs';

// Nothing is sent to other hosts: Next's anonymous telemetry stays off unless asked for.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('tsx'), ['db/seed/run.ts']);
buildIfChanged();

// The allocator settings (serverEnvironment) bound the photo encoder's memory: docs/decisions/0023-image-encoder-memory.md.
const server = spawn(process.execPath, SERVER_ARGS, { stdio: 'inherit', env: serverEnvironment({ ...process.env, NODE_ENV: 'production' }) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
