// @ts-check
// Next's cache handler (next.config.js `cacheHandler`, with `images.customCacheHandler`): Next's own
// FileSystemCache for rendered pages, unchanged, plus a disk store of its own for photos encoded by next/image.
//
// Why: pages are kept in Next's bounded memory cache only (`experimental.isrFlushToDisk: false`,
// docs/decisions/0008-caching.md), and Next ties its image cache to the same switch, so without this every
// `/_next/image` request would encode the photo again (AVIF: 100-600 ms of CPU). Photos are kept here instead:
// - on disk, in `.next/cache/portal-images/`, so they outlive a restart and are shared by the processes of one
//   machine;
// - written to a temporary file and renamed into place, so another process never reads half a file (Next's own
//   image cache writes in place);
// - within IMAGE_CACHE_MAX_MB (default 256), the least recently used removed first, in the background (a
//   request never waits for the folder to be counted or trimmed).
// See docs/decisions/0016-image-cache.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getEnv } from '../env.mjs';

// Next's own page cache, the one Next uses when no handler is configured (the same module instance as Next's:
// its memory cache and tag state are shared).
const { default: FileSystemCache } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache.js');
const IMAGE = 'IMAGE';
/** next/image's cache keys are URL-safe base64 hashes; anything else is not stored. */
const KEY = /^[A-Za-z0-9_-]{1,128}$/;
const SUFFIX = '.img';
/** A hit refreshes the file's time (its place in the eviction order) at most this often. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;
/** Files stat'ed at once when the folder is counted. */
const STAT_BATCH = 64;

/**
 * @typedef {{ kind: 'IMAGE', etag: string, buffer: Buffer, extension: string, upstreamEtag: string, revalidate: number }} ImageValue
 * @typedef {{ value: ImageValue, lastModified: number }} ImageEntry
 */

/**
 * IMAGE_CACHE_MAX_MB from the environment (env.mjs): whole megabytes, at least 1. Throws on anything else.
 * @param {{ IMAGE_CACHE_MAX_MB?: string | undefined }} env
 */
export function imageCacheMaxBytes(env) {
  const raw = env.IMAGE_CACHE_MAX_MB;
  if (raw === undefined || raw === '') return 256 * 1024 * 1024;
  if (!/^\d{1,7}$/.test(raw.trim()) || Number(raw) < 1) {
    throw new Error(`IMAGE_CACHE_MAX_MB must be a whole number of megabytes (1 or more), not "${raw}"`);
  }
  return Number(raw.trim()) * 1024 * 1024;
}

/** The photos next/image has encoded, one file each: a line of JSON (the entry's fields), then the bytes. */
export class ImageStore {
  /**
   * @param {string} dir
   * @param {number} maxBytes
   * @param {number} [recountEveryMs] the other processes of the machine write to the folder too: while this one
   *   writes, it counts the folder again at most this often (and whenever its own count goes over the limit)
   */
  constructor(dir, maxBytes, recountEveryMs = 60_000) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.recountEveryMs = recountEveryMs;
    /** Bytes known to be in the folder (-1: not counted yet), and when it was last counted. */
    this.knownBytes = -1;
    this.countedAt = 0;
    /** @type {Promise<void> | null} the count or eviction under way, one at a time, never awaited by a request */
    this.maintaining = null;
    this.maintainAgain = false;
    /** @type {Map<string, number>} when this process last marked each photo as used */
    this.lastTouched = new Map();
  }

  /** @param {string} key */
  file(key) {
    return path.join(this.dir, key + SUFFIX);
  }

  /**
   * @param {string} key
   * @returns {Promise<ImageEntry | null>}
   */
  async get(key) {
    if (!KEY.test(key)) return null;
    const file = this.file(key);
    let data;
    try {
      data = await fs.promises.readFile(file);
    } catch {
      return null;
    }
    const newline = data.indexOf(10);
    try {
      if (newline < 0) throw new Error('no header');
      const meta = JSON.parse(data.subarray(0, newline).toString('utf8'));
      const buffer = data.subarray(newline + 1);
      if (buffer.byteLength === 0 || typeof meta.etag !== 'string' || typeof meta.extension !== 'string') throw new Error('bad entry');
      this.touch(key, file, meta.lastModified);
      return {
        value: { kind: IMAGE, etag: meta.etag, buffer, extension: meta.extension, upstreamEtag: meta.upstreamEtag, revalidate: meta.revalidate },
        lastModified: meta.lastModified,
      };
    } catch {
      // Not a file this store wrote whole (renames are atomic, so this is damage from outside): a miss.
      await fs.promises.rm(file, { force: true }).catch(() => {});
      return null;
    }
  }

  /**
   * Marks a photo as used (its file's modification time, the eviction order), at most every TOUCH_EVERY_MS per
   * process. Not awaited.
   * @param {string} key @param {string} file @param {number} written
   */
  touch(key, file, written) {
    const now = Date.now();
    if (now - (this.lastTouched.get(key) ?? written) <= TOUCH_EVERY_MS) return;
    if (this.lastTouched.size >= 100_000) this.lastTouched.clear();
    this.lastTouched.set(key, now);
    const time = new Date(now);
    fs.promises.utimes(file, time, time).catch(() => {});
  }

  /**
   * Stores a photo, then lets the folder be counted or trimmed in the background (the request does not wait).
   * @param {string} key @param {ImageValue} value
   */
  async set(key, value) {
    if (!KEY.test(key) || !value?.buffer?.byteLength) return;
    const header = JSON.stringify({
      etag: value.etag,
      extension: value.extension,
      upstreamEtag: value.upstreamEtag,
      revalidate: value.revalidate,
      lastModified: Date.now(),
    });
    const data = Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), value.buffer]);
    const file = this.file(key);
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await fs.promises.writeFile(temporary, data);
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => {});
      console.error(`[image-cache] could not store ${key}: ${error instanceof Error ? error.message : error}`);
      return;
    }
    if (this.knownBytes >= 0) this.knownBytes += data.byteLength;
    this.maintain();
  }

  /** Resolves when no count or eviction is under way (for tests). */
  async idle() {
    while (this.maintaining) await this.maintaining;
  }

  /**
   * Counts the folder when it was never counted or not for recountEveryMs (other processes write to it too), and
   * removes the least recently used files down to 80% of the limit when it is over. One at a time; a call made
   * meanwhile runs once more afterwards.
   */
  maintain() {
    if (this.maintaining) {
      this.maintainAgain = true;
      return;
    }
    this.maintaining = (async () => {
      do {
        this.maintainAgain = false;
        if (this.knownBytes < 0 || Date.now() - this.countedAt >= this.recountEveryMs) await this.count();
        if (this.knownBytes > this.maxBytes) await this.evict();
      } while (this.maintainAgain);
    })()
      .catch((error) => console.error(`[image-cache] could not trim ${this.dir}: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        this.maintaining = null;
      });
  }

  /** Counts the folder; returns its files, least recently used first. */
  async count() {
    /** @type {Array<{ file: string, size: number, time: number }>} */
    const files = [];
    /** @type {string[]} */
    let names = [];
    try {
      names = await fs.promises.readdir(this.dir);
    } catch {
      // not made yet
    }
    const now = Date.now();
    for (let i = 0; i < names.length; i += STAT_BATCH) {
      await Promise.all(
        names.slice(i, i + STAT_BATCH).map(async (name) => {
          const file = path.join(this.dir, name);
          try {
            const stat = await fs.promises.stat(file);
            // A temporary file older than a minute was left by a process that died while writing.
            if (name.endsWith('.tmp')) {
              if (now - stat.mtimeMs > 60_000) await fs.promises.rm(file, { force: true });
            } else if (name.endsWith(SUFFIX)) {
              files.push({ file, size: stat.size, time: stat.mtimeMs });
            }
          } catch {
            // removed meanwhile (another process evicting)
          }
        }),
      );
    }
    this.knownBytes = files.reduce((sum, f) => sum + f.size, 0);
    this.countedAt = Date.now();
    return files.sort((a, b) => a.time - b.time);
  }

  /** Counts the folder again and removes the least recently used files down to 80% of the limit. */
  async evict() {
    const files = await this.count();
    const target = this.maxBytes * 0.8;
    for (const { file, size } of files) {
      if (this.knownBytes <= target) break;
      try {
        await fs.promises.rm(file, { force: true });
        this.knownBytes -= size;
      } catch {
        // cannot be removed (permissions): the next one
      }
    }
  }
}

/** @type {Map<string, ImageStore>} one store per folder, shared by every handler Next creates */
const stores = new Map();

/** @param {string} serverDistDir */
function storeFor(serverDistDir) {
  const dir = path.join(serverDistDir, '..', 'cache', 'portal-images');
  let store = stores.get(dir);
  if (!store) {
    store = new ImageStore(dir, imageCacheMaxBytes(getEnv()));
    stores.set(dir, store);
  }
  return store;
}

export default class PortalCacheHandler extends FileSystemCache {
  /** @param {any} ctx Next's handler context (serverDistDir, flushToDisk, maxMemoryCacheSize, ...) */
  constructor(ctx) {
    super(ctx);
    this.images = storeFor(ctx.serverDistDir);
  }

  /** @param {[string, any]} args */
  async get(...args) {
    const [key, ctx] = args;
    if (ctx?.kind === IMAGE) return this.images.get(key);
    return super.get(...args);
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (data?.kind === IMAGE) return this.images.set(key, data);
    return super.set(key, data, ctx);
  }
}
