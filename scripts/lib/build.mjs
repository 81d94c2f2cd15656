// The production build's freshness stamp, shared by `npm run build` (builds, then stamps), `npm start` (builds
// when the sources changed) and the benchmarks (build every time unless told not to, then record what they
// built). One build at a time per checkout: two `npm start` at once (two ports, a process manager starting two
// instances after an update) take turns on a lock file; the second finds the first's build current and serves it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const BUILD_INPUTS = ['app', 'components', 'config', 'db', 'lib', 'public', 'env.ts', 'env.mjs', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
// Written by `npm run bench` at run time (a static file sized like the article page): not a source.
const NOT_INPUTS = new Set([path.join('public', 'bench')]);
const STAMP = path.join(root, '.next', 'source-hash');
// Outside .next, which `next build` empties.
const LOCK = path.join(root, '.next-build.lock');
const LOCK_POLL_MS = 500;

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

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The pid in the lock file (NaN while it is being written), or undefined when there is no lock. */
function readLock() {
  try {
    return Number(fs.readFileSync(LOCK, 'utf8') || NaN);
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the checkout's build lock, waiting while another live process holds it (a lock left by a process that
 * died is taken over). Returns the function that releases it.
 */
export function takeBuildLock() {
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      const release = () => {
        if (fs.existsSync(LOCK) && fs.readFileSync(LOCK, 'utf8') === String(process.pid)) fs.rmSync(LOCK, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = readLock();
    if (holder === undefined) continue; // released in between
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      // Empty (its writer is between creating and writing it) or left by a process that is gone: look again
      // shortly, and take it over if it is still the same stale lock.
      sleep(100);
      if (Object.is(readLock(), holder) && !(Number.isInteger(holder) && isAlive(holder))) fs.rmSync(LOCK, { force: true });
      continue;
    }
    if (!announced) console.log(`Waiting for the build that process ${holder} is running in this checkout...`);
    announced = true;
    sleep(LOCK_POLL_MS);
  }
}

/** Runs `next build` and stamps .next with the sources it built; exits the process if the build fails. */
function build(hash) {
  const result = spawnSync(bin('next'), ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  markBuilt(hash);
}

/**
 * Runs `next build` unless .next holds a build of the current sources (with `force`, always: npm run build);
 * one process of the checkout at a time. Exits the process if the build fails.
 */
export function buildIfChanged({ force = false } = {}) {
  const hash = sourceHash();
  if (!force && isBuildCurrent(hash)) return;
  const release = takeBuildLock();
  try {
    // Another process may have built these sources while this one waited.
    if (!force && isBuildCurrent(hash)) return;
    console.log(force ? 'Building the site...' : 'Building the site (sources changed or no build yet)...');
    build(hash);
  } finally {
    release();
  }
}

/**
 * For the benchmarks and the soak test: the build in .next as it is (`build: false`, their --no-build), or built
 * when the sources changed (one process of the checkout at a time).
 */
export function ensureBuild({ build }) {
  if (!build) {
    if (!hasBuild()) throw new Error('--no-build, but there is no build in .next: run without it');
    console.log('\nUsing the existing build (--no-build).');
    return;
  }
  if (isBuildCurrent(sourceHash())) console.log('\nThe build in .next matches the sources.');
  else buildIfChanged();
}
