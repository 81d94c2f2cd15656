import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import PortalCacheHandler, { ImageStore, imageCacheMaxBytes } from './cache-handler.mjs';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-image-cache-'));
  made.push(dir);
  return dir;
}

const folderBytes = (dir: string) => fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);

function photo(bytes: number, etag = 'e1') {
  return { kind: 'IMAGE' as const, etag, buffer: Buffer.alloc(bytes, 7), extension: 'avif', upstreamEtag: 'u1', revalidate: 14_400 };
}

test('an encoded photo is kept on disk and read back whole, by any store on the same folder', async () => {
  const dir = tempDir();
  const before = Date.now();
  await new ImageStore(dir, 10_000_000).set('k_1-A', photo(5_000));
  // A second store on the same folder stands for a restarted process, or the other process of the machine.
  const entry = await new ImageStore(dir, 10_000_000).get('k_1-A');
  assert.ok(entry);
  assert.equal(entry.value.kind, 'IMAGE');
  assert.equal(entry.value.etag, 'e1');
  assert.equal(entry.value.upstreamEtag, 'u1');
  assert.equal(entry.value.extension, 'avif');
  assert.equal(entry.value.revalidate, 14_400);
  assert.deepEqual(entry.value.buffer, Buffer.alloc(5_000, 7));
  assert.ok(entry.lastModified >= before && entry.lastModified <= Date.now());
  // Written by rename: no temporary file is left behind.
  assert.deepEqual(fs.readdirSync(dir), ['k_1-A.img']);
});

test('an unknown key, a key that is not a plain hash, and a damaged file are misses', async () => {
  const dir = tempDir();
  const store = new ImageStore(dir, 10_000_000);
  assert.equal(await store.get('nothing-here'), null);
  await store.set('../escape', photo(100));
  assert.equal(await store.get('../escape'), null);
  assert.deepEqual(fs.readdirSync(dir).filter((n) => !n.startsWith('.')), []);
  // A file cut short or written by something else is removed and reported as a miss, never served.
  fs.writeFileSync(path.join(dir, 'cut.img'), '{"etag":"e1","extens');
  assert.equal(await store.get('cut'), null);
  assert.equal(fs.existsSync(path.join(dir, 'cut.img')), false);
  fs.writeFileSync(path.join(dir, 'empty.img'), '{"etag":"e1","extension":"avif"}\n');
  assert.equal(await store.get('empty'), null);
});

test('the folder stays within its limit, and the photos used least recently go first', async () => {
  const dir = tempDir();
  const store = new ImageStore(dir, 10_000);
  for (const key of ['a', 'b', 'c']) {
    await store.set(key, photo(2_000));
    await store.idle();
  }
  // 'b' was last used an hour ago, 'c' half an hour ago; 'a' is read now, which marks it as used.
  const ago = (ms: number) => new Date(Date.now() - ms);
  for (const [key, time] of [['a', ago(7_200_000)], ['b', ago(3_600_000)], ['c', ago(1_800_000)]] as const) {
    fs.utimesSync(path.join(dir, `${key}.img`), time, time);
  }
  const stale = new ImageStore(dir, 10_000);
  // A fresh store (a restarted process) sees 'a' written two hours ago: a hit marks it as used, once.
  fs.writeFileSync(path.join(dir, 'a.img'), fs.readFileSync(path.join(dir, 'a.img')).toString('latin1').replace(/"lastModified":\d+/, `"lastModified":${Date.now() - 7_200_000}`), 'latin1');
  fs.utimesSync(path.join(dir, 'a.img'), ago(7_200_000), ago(7_200_000));
  assert.ok(await stale.get('a'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const touched = fs.statSync(path.join(dir, 'a.img')).mtimeMs;
  assert.ok(Date.now() - touched < 60_000, 'a hit marks the file as used');
  fs.utimesSync(path.join(dir, 'a.img'), ago(60_000), ago(60_000));
  assert.ok(await stale.get('a'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(Date.now() - fs.statSync(path.join(dir, 'a.img')).mtimeMs >= 60_000, 'not again within 10 minutes');

  await stale.set('d', photo(2_000));
  await stale.set('e', photo(2_000)); // about 10,400 bytes with headers: over the limit, back to 80%
  await stale.idle();
  const left = fs.readdirSync(dir).sort();
  assert.deepEqual(left, ['a.img', 'd.img', 'e.img'], 'the two used least recently went, the one read lately stayed');
  assert.ok(folderBytes(dir) <= 8_000, `at most 80% of the limit after eviction, was ${folderBytes(dir)}`);
  // Files another process wrote count too: the folder is counted again (here at once; by default every minute).
  fs.writeFileSync(path.join(dir, 'other.img'), Buffer.alloc(9_000));
  const other = new ImageStore(dir, 10_000, 0);
  await other.set('f', photo(2_000));
  await other.idle();
  assert.ok(folderBytes(dir) <= 10_000, `within the limit with another process's file, was ${folderBytes(dir)}`);
});

test('many photos stored at once after a restart: all kept, one count of the folder at a time, within the limit', async () => {
  const dir = tempDir();
  await new ImageStore(dir, 1_000_000).set('before', photo(1_000));
  const store = new ImageStore(dir, 40_000);
  const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
  let counting = 0;
  let most = 0;
  const count = store.count.bind(store);
  store.count = async () => {
    most = Math.max(most, ++counting);
    try {
      return await count();
    } finally {
      counting--;
    }
  };
  await Promise.all(keys.map((key) => store.set(key, photo(1_000))));
  await store.idle();
  assert.equal(most, 1, 'never two counts at once');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['before.img', ...keys.map((key) => `${key}.img`)].sort());
  assert.ok(folderBytes(dir) <= 40_000, `within the limit, was ${folderBytes(dir)}`);
});

test('IMAGE_CACHE_MAX_MB is whole megabytes, 256 unless set, and a bad value stops the server', () => {
  assert.equal(imageCacheMaxBytes({}), 256 * 1024 * 1024);
  assert.equal(imageCacheMaxBytes({ IMAGE_CACHE_MAX_MB: '' }), 256 * 1024 * 1024);
  assert.equal(imageCacheMaxBytes({ IMAGE_CACHE_MAX_MB: '64' }), 64 * 1024 * 1024);
  for (const bad of ['0', '-1', '1.5', 'lots', '64MB']) {
    assert.throws(() => imageCacheMaxBytes({ IMAGE_CACHE_MAX_MB: bad }), /IMAGE_CACHE_MAX_MB/);
  }
});

test('the handler keeps photos in its store and leaves pages to Next’s memory cache', async () => {
  const root = tempDir();
  const serverDistDir = path.join(root, 'server');
  fs.mkdirSync(serverDistDir);
  const ctx = { serverDistDir, flushToDisk: false, maxMemoryCacheSize: 1024 * 1024, revalidatedTags: [], _requestHeaders: {} };
  const handler = new PortalCacheHandler(ctx);
  await handler.set('photoKey', photo(300), { kind: 'IMAGE', cacheControl: { revalidate: 14_400 } });
  assert.ok(fs.existsSync(path.join(root, 'cache', 'portal-images', 'photoKey.img')));
  const again = await new PortalCacheHandler(ctx).get('photoKey', { kind: 'IMAGE', isFallback: false });
  assert.equal(again?.value.buffer.byteLength, 300);

  const page = { kind: 'APP_ROUTE', body: Buffer.from('hello'), headers: { 'x-next-cache-tags': 'article:1' }, status: 200 };
  await handler.set('/some-route', page, { cacheControl: { revalidate: 300 } });
  const cached = await handler.get('/some-route', { kind: 'APP_ROUTE', isFallback: false });
  assert.equal(cached?.value.body.toString(), 'hello');
  // Expired by its tag, as with Next's own handler.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await handler.revalidateTag('article:1');
  assert.equal(await handler.get('/some-route', { kind: 'APP_ROUTE', isFallback: false }), null);
  // Pages are not written to disk (isrFlushToDisk off): only the photo is in the folder.
  assert.deepEqual(fs.readdirSync(root).sort(), ['cache', 'server']);
  assert.deepEqual(fs.readdirSync(serverDistDir), []);
});
