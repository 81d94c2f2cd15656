// npm start: migrate and seed an empty database, build when the sources changed, then serve on PORT
// (server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfChanged } from './build-if-changed.mjs';

// Nothing is sent to other hosts: Next's anonymous telemetry stays off unless asked for.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const bin = (name) => path.join(process.cwd(), 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('tsx'), ['db/seed/run.ts']);
buildIfChanged();

const server = spawn(process.execPath, ['server.mjs'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
