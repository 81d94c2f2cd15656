// Builds the site when its sources changed since the last build (or there is none). The hash of the inputs is
// kept in .next/source-hash, so `npm start` and the checks that serve the production build decide alike.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const BUILD_INPUTS = ['app', 'components', 'config', 'db', 'lib', 'public', 'env.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join(root, '.next', 'source-hash');

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

/** True when .next holds a build of the current sources. */
export function isBuildCurrent() {
  return fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sourceHash();
}

/** Runs `next build` unless the build is current; exits the process if the build fails. */
export function buildIfChanged() {
  if (isBuildCurrent()) return;
  console.log('Building the site (sources changed or no build yet)...');
  const hash = sourceHash();
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(STAMP, hash);
}
