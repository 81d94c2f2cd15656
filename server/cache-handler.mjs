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
// - within IMAGE_CACHE_MAX_MB (default 256), the least recently used removed first.
// See docs/decisions/0016-image-cache.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Next's own page cache, the one Next uses when no handler is configured (the same module instance as Next's:
// its memory cache and tag state are shared).
const { default: FileSystemCache } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache.js');
const IMAGE = 'IMAGE';
/** next/image's cache keys are URL-safe base64 hashes; anything else is not stored. */
const KEY = /^[A-Za-z0-9_-]{1,128}$/;
const SUFFIX = '.img';
/** A hit refreshes the file's time (its place in the eviction order) at most this often. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

/**
 * @typedef {{ kind: 'IMAGE', etag: string, buffer: Buffer, extension: string, upstreamEtag: string, revalidate: number }} ImageValue
 * @typedef {{ value: ImageValue, lastModified: number }} ImageEntry
 */

/**
 * IMAGE_CACHE_MAX_MB from the environment: whole megabytes, at least 1. Throws on anything else.
 * @param {Record<string, string | undefined>} env
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
    /** @type {Promise<void> | null} */
    this.evicting = null;
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
      if (Date.now() - meta.touched > TOUCH_EVERY_MS) this.touch(file, meta);
      return {
        value: { kind: IMAGE, etag: meta.etag, buffer, extension: meta.extension, upstreamEtag: meta.upstreamEtag, revalidate: meta.revalidate },
        lastModified: meta.lastModified,
      };
    } catch {
      // Not a file this store wrote whole (renames are atomic, so this is damage from outside): a miss.
      await fs.promises.rm(file, { force: true });
      return null;
    }
  }

  /** Marks a file as recently used, for eviction (its modification time, not its contents). */
  touch(/** @type {string} */ file, /** @type {{ touched: number }} */ meta) {
    const now = new Date();
    meta.touched = now.getTime();
    fs.promises.utimes(file, now, now).catch(() => {});
  }

  /** @param {string} key @param {ImageValue} value */
  async set(key, value) {
    if (!KEY.test(key) || !value?.buffer?.byteLength) return;
    const now = Date.now();
    const header = JSON.stringify({
      etag: value.etag,
      extension: value.extension,
      upstreamEtag: value.upstreamEtag,
      revalidate: value.revalidate,
      lastModified: now,
      touched: now,
    });
    const data = Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), value.buffer]);
    const file = this.file(key);
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    if (this.knownBytes < 0 || Date.now() - this.countedAt >= this.recountEveryMs) await this.count();
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await fs.promises.writeFile(temporary, data);
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      console.error(`[image-cache] could not store ${key}: ${error instanceof Error ? error.message : error}`);
      return;
    }
    this.knownBytes += data.byteLength;
    if (this.knownBytes > this.maxBytes) await this.evict();
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
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        const stat = await fs.promises.stat(file);
        // A temporary file older than a minute was left by a process that died while writing.
        if (name.endsWith('.tmp')) {
          if (Date.now() - stat.mtimeMs > 60_000) await fs.promises.rm(file, { force: true });
          continue;
        }
        if (name.endsWith(SUFFIX)) files.push({ file, size: stat.size, time: stat.mtimeMs });
      } catch {
        // removed meanwhile (another process evicting)
      }
    }
    this.knownBytes = files.reduce((sum, f) => sum + f.size, 0);
    this.countedAt = Date.now();
    return files.sort((a, b) => a.time - b.time);
  }

  /** Counts the folder again (other processes write to it too) and removes the oldest files down to 80%. */
  evict() {
    this.evicting ??= (async () => {
      const files = await this.count();
      const target = this.maxBytes * 0.8;
      for (const { file, size } of files) {
        if (this.knownBytes <= target) break;
        await fs.promises.rm(file, { force: true });
        this.knownBytes -= size;
      }
    })().finally(() => {
      this.evicting = null;
    });
    return this.evicting;
  }
}

/** @type {Map<string, ImageStore>} one store per folder, shared by every handler Next creates */
const stores = new Map();

/** @param {string} serverDistDir */
function storeFor(serverDistDir) {
  const dir = path.join(serverDistDir, '..', 'cache', 'portal-images');
  let store = stores.get(dir);
  if (!store) {
    store = new ImageStore(dir, imageCacheMaxBytes(process.env));
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
