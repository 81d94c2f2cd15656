// @ts-check
// How many photos next/image encodes at once in this process: IMAGE_ENCODERS (default 1).
//
// Next's optimiser (node_modules/next/dist/server/image-optimizer/transform.js) hands every photo it encodes to
// sharp (libvips, with libaom for AVIF) and calls `toBuffer()`; as many of those run at once as libuv has threads
// (4), each holding its decoded photo and encoder state in native memory, outside V8's heap limit. A crawler asking
// for every `srcset` width took a server from 163 MB to 557 MB resident that way (issue #15). Here `toBuffer` waits
// for one of IMAGE_ENCODERS places; the photos that wait hold only their source file. What each one encodes, and so
// the bytes readers get, does not change. See docs/decisions/0023-image-encoder-memory.md.
import { createRequire } from 'node:module';

export const DEFAULT_IMAGE_ENCODERS = 1;

/**
 * IMAGE_ENCODERS from the environment (env.mjs): a whole number from 1 to 64. Throws on anything else.
 * @param {{ IMAGE_ENCODERS?: string | undefined }} env
 */
export function imageEncoders(env) {
  const raw = env.IMAGE_ENCODERS;
  if (raw === undefined || raw === '') return DEFAULT_IMAGE_ENCODERS;
  const n = Number(raw.trim());
  if (!/^\d{1,2}$/.test(raw.trim()) || n < 1 || n > 64) {
    throw new Error(`IMAGE_ENCODERS must be a whole number of photos encoded at once, from 1 to 64, not "${raw}"`);
  }
  return n;
}

/**
 * Runs at most `max` of the tasks given to it at once; the others wait in the order they came.
 * @param {number} max
 */
export function createLimiter(max) {
  let active = 0;
  /** @type {Array<() => void>} */
  const waiting = [];
  const release = () => {
    const next = waiting.shift();
    // The place goes straight to the next task in line, so that a task arriving meanwhile cannot take it.
    if (next) next();
    else active--;
  };
  /**
   * @template T
   * @param {() => Promise<T>} task
   * @returns {Promise<T>}
   */
  const limit = async (task) => {
    if (active < max) active++;
    else await new Promise((resolve) => waiting.push(() => resolve(undefined)));
    try {
      return await task();
    } finally {
      release();
    }
  };
  return Object.assign(limit, { stats: () => ({ active, waiting: waiting.length, max }) });
}

/** The sharp module Next's optimiser loads: resolved from Next's own file, as its `require('sharp')` is. */
export function nextSharp() {
  const transform = createRequire(import.meta.url).resolve('next/dist/server/image-optimizer/transform.js');
  return createRequire(transform)('sharp');
}

const LIMITED = Symbol.for('portal.imageEncoderLimit');

/**
 * Makes every `toBuffer()` of `sharp` (the promise form, which Next uses, and the callback form) wait for one of
 * `max` places. Installed once per process; a second call changes nothing and returns the first limiter.
 * @param {number} max
 * @param {any} [sharp] the sharp module (default: the one Next loads)
 */
export function limitImageEncoders(max, sharp = nextSharp()) {
  const proto = sharp.prototype;
  if (proto.toBuffer[LIMITED]) return proto.toBuffer[LIMITED];
  const toBuffer = proto.toBuffer;
  const limit = createLimiter(max);
  /** @this {any} @param {any} [options] @param {any} [callback] */
  function limitedToBuffer(options, callback) {
    const done = typeof options === 'function' ? options : callback;
    const args = typeof options === 'function' || options === undefined ? [] : [options];
    if (!done) return limit(() => toBuffer.apply(this, args));
    limit(
      () =>
        new Promise((resolve) =>
          toBuffer.call(this, ...args, (/** @type {any[]} */ ...results) => {
            resolve(undefined);
            done(...results);
          }),
        ),
    );
    return this;
  }
  limitedToBuffer[LIMITED] = limit;
  proto.toBuffer = limitedToBuffer;
  return limit;
}

/**
 * What to tell an operator who started the server without the allocator settings `npm start` gives it
 * (scripts/lib/server-process.mjs): without them glibc keeps most of what the encoder frees. Null when they are set,
 * or when the C library is not glibc (which ignores them).
 * @param {{ MALLOC_ARENA_MAX?: string | undefined, MALLOC_MMAP_THRESHOLD_?: string | undefined }} env
 * @param {boolean} [glibc]
 */
export function allocatorNote(env, glibc = isGlibc()) {
  if (!glibc || (env.MALLOC_ARENA_MAX && env.MALLOC_MMAP_THRESHOLD_)) return null;
  return (
    '> note: started without MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 (npm start sets them): glibc will keep ' +
    'much of the memory photo encoding frees (docs/decisions/0023-image-encoder-memory.md)'
  );
}

function isGlibc() {
  const report = /** @type {{ header?: { glibcVersionRuntime?: string } }} */ (process.report?.getReport());
  return Boolean(report?.header?.glibcVersionRuntime);
}
