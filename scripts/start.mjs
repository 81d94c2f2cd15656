// npm start: migrate and seed an empty database, build when the sources changed, then serve on PORT
// (server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Nothing is sent to other hosts: Next's anonymous telemetry stays off unless asked for.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const root = process.cwd();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const BUILD_INPUTS = ['app', 'components', 'config', 'db', 'lib', 'public', 'env.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join(root, '.next', 'source-hash');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function sourceHash() {
  const hash = createHash('sha256');
  const visit = (entry) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else {
      hash.update(entry).update(fs.readFileSync(full));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest('hex');
}

run(bin('tsx'), ['db/seed/run.ts']);

const hash = sourceHash();
const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;
if (!built) {
  console.log('Building the site (sources changed or no build yet)...');
  run(bin('next'), ['build']);
  fs.writeFileSync(STAMP, hash);
}

const server = spawn(process.execPath, ['server.mjs'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
