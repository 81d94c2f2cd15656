// The production build's freshness stamp, shared by `npm start` (builds when the sources changed) and the
// benchmarks (build every time unless told not to, then record what they built).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const BUILD_INPUTS = ['app', 'components', 'config', 'db', 'lib', 'public', 'env.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
// Written by `npm run bench` at run time (a static file sized like the article page): not a source.
const NOT_INPUTS = new Set([path.join('public', 'bench')]);
const STAMP = path.join(root, '.next', 'source-hash');

export const bin = (name) => path.join(root, 'node_modules', '.bin', name);

export function sourceHash() {
  const hash = createHash('sha256');
  const visit = (entry) => {
    const full = path.join(root, entry);
    if (NOT_INPUTS.has(entry) || !fs.existsSync(full)) return;
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

export const hasBuild = () => fs.existsSync(path.join(root, '.next', 'BUILD_ID'));

export const isBuildCurrent = (hash) => hasBuild() && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;

export const markBuilt = (hash) => fs.writeFileSync(STAMP, hash);

/** Runs `next build` unless .next holds a build of the current sources; exits the process if the build fails. */
export function buildIfChanged() {
  const hash = sourceHash();
  if (isBuildCurrent(hash)) return;
  console.log('Building the site (sources changed or no build yet)...');
  const result = spawnSync(bin('next'), ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  markBuilt(hash);
}
