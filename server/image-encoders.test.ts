import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type Sharp from 'sharp';
import { allocatorNote, createLimiter, DEFAULT_IMAGE_ENCODERS, imageEncoders, limitImageEncoders, nextSharp } from './image-encoders.mjs';

const require = createRequire(import.meta.url);
// Next's own encoding function, the one its optimiser calls for every /_next/image miss.
const { optimizeImage } = require('next/dist/server/image-optimizer/transform.js') as {
  optimizeImage: (options: { buffer: Buffer; contentType: string; quality: number; width: number }) => Promise<Buffer>;
};
const sharp = nextSharp() as typeof Sharp;

/** A photo-like JPEG (noise compresses badly, so encoding it takes long enough to overlap). */
async function photo(width: number, height: number): Promise<Buffer> {
  const pixels = crypto.createHash('sha256').update(String(width)).digest();
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = pixels[i % pixels.length]! ^ (i * 7919) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** Runs `work` while reading how many encodes sharp is running, every millisecond; returns the most seen. */
async function mostAtOnce(work: () => Promise<unknown>): Promise<number> {
  let most = 0;
  const timer = setInterval(() => (most = Math.max(most, sharp.counters().process)), 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(most, sharp.counters().process);
}

test('the number of encoders comes from IMAGE_ENCODERS, and a bad value stops the server', () => {
  assert.equal(DEFAULT_IMAGE_ENCODERS, 1);
  assert.equal(imageEncoders({}), 1);
  assert.equal(imageEncoders({ IMAGE_ENCODERS: '' }), 1);
  assert.equal(imageEncoders({ IMAGE_ENCODERS: '3' }), 3);
  assert.equal(imageEncoders({ IMAGE_ENCODERS: ' 64 ' }), 64);
  for (const bad of ['0', '-1', '1.5', 'two', '65', '1e1']) {
    assert.throws(() => imageEncoders({ IMAGE_ENCODERS: bad }), /IMAGE_ENCODERS must be a whole number/, bad);
  }
});

test('a limiter runs at most its number of tasks at once, the others in the order they came', async () => {
  const limit = createLimiter(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      limit(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 2 + (i % 3)));
        running--;
        if (i === 5) throw new Error('task 5 failed');
        return i;
      }).catch((error: Error) => error.message),
    ),
  );
  assert.equal(most, 2);
  assert.deepEqual(started, [...Array(12).keys()]);
  assert.deepEqual(results, [0, 1, 2, 3, 4, 'task 5 failed', 6, 7, 8, 9, 10, 11]);
  // A failed task gave its place back too.
  assert.deepEqual(limit.stats(), { active: 0, waiting: 0, max: 2 });
});

test('with the limit on, 8 photos asked for at once through Next’s optimiser are encoded one at a time, to the same bytes', async () => {
  const sources = await Promise.all([1200, 1201, 1202, 1203].map((width) => photo(width, 800)));
  const jobs = sources.flatMap((buffer) =>
    ['image/avif', 'image/webp'].map((contentType) => () => optimizeImage({ buffer, contentType, quality: 75, width: 640 })),
  );
  // Before the limit: sharp runs several at once (libuv's 4 threads), which is what swelled the server.
  let unlimited: Buffer[] = [];
  const before = await mostAtOnce(async () => (unlimited = await Promise.all(jobs.map((job) => job()))));
  assert.ok(before > 1, `without the limit sharp ran ${before} encodes at once`);

  const limit = limitImageEncoders(1);
  assert.equal(limitImageEncoders(3), limit, 'installed once');
  let limited: Buffer[] = [];
  const after = await mostAtOnce(async () => (limited = await Promise.all(jobs.map((job) => job()))));
  assert.equal(after, 1);
  assert.deepEqual(limit.stats(), { active: 0, waiting: 0, max: 1 });
  assert.equal(limited.length, 8);
  limited.forEach((buffer, i) => assert.equal(Buffer.compare(buffer, unlimited[i]!), 0, `encode ${i} differs`));
});

test('the callback form waits its turn too and gets the same answer', async () => {
  const limit = limitImageEncoders(1);
  const source = await photo(640, 480);
  const viaCallback = await new Promise<Buffer>((resolve, reject) => {
    const pipeline = sharp(source).webp();
    const returned = pipeline.toBuffer((error, data, info) => {
      if (error) return reject(error);
      assert.equal(info.format, 'webp');
      resolve(data);
    });
    assert.equal(returned, pipeline);
  });
  const viaPromise = await sharp(source).webp().toBuffer();
  assert.equal(Buffer.compare(viaCallback, viaPromise), 0);
  assert.deepEqual(limit.stats(), { active: 0, waiting: 0, max: 1 });
});

test('a server started without the allocator settings says so, on glibc only', () => {
  const both = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
  assert.equal(allocatorNote(both, true), null);
  assert.match(allocatorNote({}, true) ?? '', /MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072/);
  assert.match(allocatorNote({ MALLOC_ARENA_MAX: '2' }, true) ?? '', /npm start sets them/);
  assert.equal(allocatorNote({}, false), null);
  // This machine's Node runs on glibc (Debian): the default detects it.
  assert.notEqual(allocatorNote({}), null);
});
