import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// Two `npm start` in one checkout must not run `next build` at once: each process here takes the checkout's
// build lock (scripts/lib/build.mjs), holds it a while and records when; the periods must not overlap.
const BUILD_MODULE = path.resolve('scripts/lib/build.mjs');

function holdLock(cwd: string, holdMs: number): Promise<{ start: number; end: number; output: string }> {
  const script = `
    const { takeBuildLock } = await import(${JSON.stringify(BUILD_MODULE)});
    const release = takeBuildLock();
    const start = Date.now();
    await new Promise((r) => setTimeout(r, ${holdMs}));
    const end = Date.now();
    release();
    console.log(JSON.stringify({ start, end }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`exit ${code}: ${output}`));
      const last = output.trim().split('\n').at(-1)!;
      resolve({ ...JSON.parse(last), output });
    });
  });
}

test('two processes of one checkout take the build lock one after the other', async () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
  try {
    const [a, b] = await Promise.all([holdLock(cwd, 600), holdLock(cwd, 600)]);
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    assert.ok(second.start >= first.end, `overlap: ${JSON.stringify({ first, second })}`);
    assert.match(second.output, /Waiting for the build that process \d+ is running/);
    assert.equal(fs.existsSync(path.join(cwd, '.next-build.lock')), false, 'the lock is released');
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test('a lock left by a process that died is taken over', async () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
  try {
    // A pid that is not running: a finished child's.
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(cwd, '.next-build.lock'), String(dead.pid));
    const held = await holdLock(cwd, 50);
    assert.ok(held.end >= held.start);
    assert.equal(fs.existsSync(path.join(cwd, '.next-build.lock')), false);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});
