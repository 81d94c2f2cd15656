// The photo crawl of `npm run bench` (issue #15 point 9): what a link checker that asks for every `srcset` width
// in AVIF and WebP does to the server's memory. Every photo of the media store at every width next.config.js
// allows, in both formats, never asked for before (the encoded-photo store is emptied first), `requests` of them
// at `concurrency` at a time; the resident memory of the server and of any process it started is read every
// 250 ms during the crawl and for `afterSeconds` after it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fmt, loadAverage, mib, ms, percentile, readMemory, sleep, startServer, timedGet } from './bench.mjs';

const nextConfig = createRequire(import.meta.url)('../../next.config.js');

/** What a browser sends for a photo, per format it wants back (the caching e2e spec sends the same). */
export const PHOTO_FORMATS = [
  { type: 'image/avif', accept: 'image/avif,image/webp,*/*' },
  { type: 'image/webp', accept: 'image/webp,*/*' },
];
const QUALITY = 75;
const SAMPLE_EVERY_MS = 250;
/** Where the cache handler keeps encoded photos (server/cache-handler.mjs). */
export const IMAGE_STORE_DIR = path.resolve('.next', 'cache', 'portal-images');

/** Every width next/image may ask for: the `srcset` candidates of every photo on the site. */
export const photoWidths = () => [...nextConfig.images.imageSizes, ...nextConfig.images.deviceSizes].sort((a, b) => a - b);

/**
 * Every variant of every photo in the media store (its top folder: the crops are served as files, not through
 * next/image), photo by photo as a crawler walking the pages meets them: each width in each format.
 * @param {string} mediaDir
 * @returns {Array<{ path: string, accept: string, type: string }>}
 */
export function photoVariants(mediaDir) {
  const photos = fs
    .readdirSync(mediaDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(jpg|png|webp)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return photos.flatMap((name) =>
    photoWidths().flatMap((width) =>
      PHOTO_FORMATS.map(({ type, accept }) => ({
        path: `/_next/image?url=${encodeURIComponent(`/media/${name}`)}&w=${width}&q=${QUALITY}`,
        accept,
        type,
      })),
    ),
  );
}

/** Sums the server's resident memory with that of every process it started, in KiB. */
const treeKiB = (/** @type {ReturnType<typeof readMemory>} */ m) => m.rssKiB + m.childrenRssKiB;

/**
 * Requests `variants` at `concurrency` at a time, keeping each answer's status, type, cache state, size, time and
 * SHA-256 (to compare the bytes readers get between two runs).
 */
async function crawl(base, variants, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers = [];
  let next = 0;
  const worker = async () => {
    while (next < variants.length) {
      const variant = variants[next++];
      const answer = await new Promise((resolve, reject) => {
        const started = performance.now();
        http
          .get(`${base}${variant.path}`, { agent, headers: { accept: variant.accept } }, (response) => {
            const hash = crypto.createHash('sha256');
            let bytes = 0;
            response.on('data', (chunk) => {
              hash.update(chunk);
              bytes += chunk.length;
            });
            response.once('end', () =>
              resolve({
                path: variant.path,
                asked: variant.type,
                status: response.statusCode,
                type: response.headers['content-type'],
                cache: response.headers['x-nextjs-cache'],
                bytes,
                sha256: hash.digest('hex'),
                ms: Number((performance.now() - started).toFixed(1)),
              }),
            );
            response.once('error', reject);
          })
          .once('error', reject);
      });
      answers.push(answer);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return answers;
}

/** Reads the resident memory of `pid` and its children, tagged with the phase it was read in. */
function memorySampler(pid) {
  const samples = [];
  const started = performance.now();
  const sample = (/** @type {string} */ phase) => {
    const memory = readMemory(pid);
    samples.push({ t: Number(((performance.now() - started) / 1000).toFixed(2)), phase, kib: treeKiB(memory), rssKiB: memory.rssKiB, children: memory.childPids.length });
  };
  /** Reads now and every SAMPLE_EVERY_MS until the returned function is called (which reads once more). */
  const during = (/** @type {string} */ phase) => {
    sample(phase);
    const timer = setInterval(() => sample(phase), SAMPLE_EVERY_MS);
    return () => {
      clearInterval(timer);
      sample(phase);
    };
  };
  const highest = (/** @type {string | undefined} */ phase) => Math.max(...samples.filter((s) => !phase || s.phase === phase).map((s) => s.kib));
  return { samples, during, highest };
}

/**
 * The crawl itself on a running server, its memory read during it and for `afterSeconds` after.
 * @param {{ pid: number, base: string }} server
 */
async function measureCrawl(server, variants, concurrency, afterSeconds) {
  const before = readMemory(server.pid);
  const loadBefore = loadAverage();
  const memory = memorySampler(server.pid);
  const started = performance.now();
  const stopCrawlSampling = memory.during('crawl');
  let answers;
  try {
    answers = await crawl(server.base, variants, concurrency);
  } finally {
    stopCrawlSampling();
  }
  const crawlSeconds = (performance.now() - started) / 1000;
  const loadAfterCrawl = loadAverage();
  const stopAfterSampling = memory.during('after');
  await sleep(afterSeconds * 1000);
  stopAfterSampling();
  const end = readMemory(server.pid);
  const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
  return {
    crawlSeconds: Number(crawlSeconds.toFixed(1)),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    load: { before: loadBefore, afterCrawl: loadAfterCrawl, end: loadAverage() },
    beforeKiB: treeKiB(before),
    // Sampled every 250 ms (the server and its children together), and the server's own peak as the kernel
    // counted it (VmHWM: also between samples).
    peakKiB: memory.highest(),
    crawlPeakKiB: memory.highest('crawl'),
    serverPeakKiB: end.peakKiB,
    endOfCrawlKiB: memory.samples.filter((s) => s.phase === 'crawl').at(-1)?.kib ?? 0,
    finalKiB: treeKiB(end),
    childPids: end.childPids,
    samples: memory.samples,
    answers,
  };
}

/**
 * Starts a server of its own on `port` with an empty photo store, crawls `requests` photo variants never asked for
 * before, and returns the memory readings and the answers.
 * @param {{ port: number, env: Record<string, string | undefined>, mediaDir: string, logFile: string, requests: number, concurrency: number, afterSeconds: number }} options
 */
export async function photoCrawl({ port, env, mediaDir, logFile, requests, concurrency, afterSeconds }) {
  const all = photoVariants(mediaDir);
  if (all.length < requests) throw new Error(`the media store ${mediaDir} has ${all.length} photo variants, fewer than the ${requests} asked for`);
  const variants = all.slice(0, requests);
  fs.rmSync(IMAGE_STORE_DIR, { recursive: true, force: true });
  const server = await startServer({ port, env, logFile });
  try {
    // A server that has served pages, as a crawler finds it.
    for (const page of ['/', '/news/17']) {
      const { status } = await timedGet(`${server.base}${page}`);
      if (status !== 200) throw new Error(`GET ${page} answered ${status}`);
    }
    await sleep(1000);
    return {
      server: { pid: server.pid, base: server.base },
      requests,
      concurrency,
      afterSeconds,
      variantsInStore: all.length,
      photos: new Set(variants.map((v) => new URL(v.path, 'http://x').searchParams.get('url'))).size,
      widths: photoWidths(),
      ...(await measureCrawl(server, variants, concurrency, afterSeconds)),
    };
  } finally {
    await server.stop();
  }
}

/** What went wrong in the answers: not 200, not the asked format, or served from the store (not a first request). */
export function answerFaults(answers) {
  return {
    notOk: answers.filter((a) => a.status !== 200).length,
    wrongType: answers.filter((a) => a.status === 200 && a.type !== a.asked).length,
    notFirst: answers.filter((a) => a.cache !== 'MISS').length,
  };
}

/**
 * How many answers have the same bytes as in an earlier run's results (`npm run bench` JSON, or a photo run's),
 * by URL and format.
 * @param {Array<{ path: string, asked: string, sha256: string, type?: string }>} answers
 * @param {Array<{ path: string, asked: string, sha256: string, type?: string }>} earlier
 */
export function compareAnswers(answers, earlier) {
  const key = (/** @type {{ path: string, asked: string }} */ a) => `${a.asked} ${a.path}`;
  const known = new Map(earlier.map((a) => [key(a), a]));
  let same = 0;
  let compared = 0;
  const differing = [];
  for (const answer of answers) {
    const other = known.get(key(answer));
    if (!other) continue;
    compared++;
    if (other.sha256 === answer.sha256 && other.type === answer.type) same++;
    else differing.push(key(answer));
  }
  return { compared, same, differing };
}

/** The crawl's lines for the Markdown report. */
export function photoReport(result, maxMiB) {
  const { notOk, wrongType, notFirst } = answerFaults(result.answers);
  const formats = PHOTO_FORMATS.map(({ type }) => `${fmt(result.answers.filter((a) => a.type === type).length)} ${type}`).join(', ');
  return [
    `${fmt(result.requests)} photo variants never requested before (${fmt(result.photos)} photos × widths ${result.widths.join(', ')} × AVIF and WebP, ` +
      `of the ${fmt(result.variantsInStore)} in the media store), ${result.concurrency} at a time: ${fmt(result.crawlSeconds, 1)} s, ` +
      `${fmt(result.requests / result.crawlSeconds, 1)} photos/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}; answers: ${formats}; ` +
      `not 200: ${notOk}, not the format asked: ${wrongType}, not encoded for this request: ${notFirst}.`,
    '',
    '| Server RSS (with its child processes) | MiB |',
    '| --- | ---: |',
    `| before the crawl (after serving two pages) | ${fmt(result.beforeKiB / 1024)} |`,
    `| peak during the crawl (sampled every 250 ms) | ${fmt(result.crawlPeakKiB / 1024)} |`,
    `| at the end of the crawl | ${fmt(result.endOfCrawlKiB / 1024)} |`,
    `| ${result.afterSeconds} s after it | ${fmt(result.finalKiB / 1024)} |`,
    `| peak of the server process (VmHWM) | ${fmt(result.serverPeakKiB / 1024)} |`,
    '',
    `Load average (1/5/15 min): ${result.load.before.join(' / ')} before, ${result.load.afterCrawl.join(' / ')} after the crawl, ${result.load.end.join(' / ')} at the end. Target: every reading under ${maxMiB} MiB (${mib(photoPeakKiB(result))} at most).`,
  ];
}

/** The highest reading: sampled (with children) or the server's own kernel-counted peak. */
export const photoPeakKiB = (result) => Math.max(result.peakKiB, result.serverPeakKiB);
