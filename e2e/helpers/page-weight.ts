import zlib from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';

export const KB = 1024;

/** Bytes after gzip at zlib's default level (6), what a server's `Content-Encoding: gzip` sends about. */
export function gzipSize(bytes: Buffer | string): number {
  return zlib.gzipSync(bytes).length;
}

export type ScriptTag = { src: string; nomodule: boolean };

/** Every `<script src>` of a page's HTML, in order, with whether it is `nomodule`. */
export function scriptTags(html: string): ScriptTag[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)].flatMap(([, attrs]) => {
    const src = /\ssrc="([^"]+)"/.exec(attrs!)?.[1];
    return src ? [{ src: src.replace(/&amp;/g, '&'), nomodule: /\snomodule(?:[\s=]|$)/i.test(attrs!) }] : [];
  });
}

export type ScriptWeight = { path: string; bytes: number; gzip: number; inHtml: boolean; loaded: boolean; nomodule: boolean };

/** Path and query of a URL of this site: the key that joins the HTML's script tags with the browser's requests. */
export const pathOf = (url: string, base: string) => {
  const u = new URL(url, base);
  return u.pathname + u.search;
};

/**
 * The scripts of a page, as its HTML names them and as Chromium loads them (after load, scrolling to the end so
 * every lazily loaded or prefetched chunk is fetched, and network idle), each with its size and gzipped size.
 */
export async function scriptWeights({ page, request, path, base }: { page: Page; request: APIRequestContext; path: string; base: string }): Promise<ScriptWeight[]> {
  const weights = new Map<string, ScriptWeight>();
  const html = await (await request.get(path)).text();
  for (const tag of scriptTags(html)) {
    const body = await (await request.get(tag.src)).body();
    weights.set(pathOf(tag.src, base), { path: pathOf(tag.src, base), bytes: body.length, gzip: gzipSize(body), inHtml: true, loaded: false, nomodule: tag.nomodule });
  }

  const loaded: Array<Promise<void>> = [];
  page.on('response', (response) => {
    // Script elements, and anything else that brings JavaScript (a preload or prefetch of a chunk).
    const javascript = /javascript|ecmascript/.test(response.headers()['content-type'] ?? '');
    if (response.request().resourceType() !== 'script' && !javascript) return;
    loaded.push(
      response.body().then((body) => {
        const key = pathOf(response.url(), base);
        const known = weights.get(key);
        if (known) known.loaded = true;
        else weights.set(key, { path: key, bytes: body.length, gzip: gzipSize(body), inHtml: false, loaded: true, nomodule: false });
      }),
    );
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await scrollToEnd(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(loaded);
  return [...weights.values()];
}

/** Scrolls down a screen at a time, so whatever comes into view (links, lazy images) does what it does there. */
export async function scrollToEnd(page: Page): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(100);
    if (atEnd) break;
  }
}

/** A plain-text table of the scripts, largest first, with the totals a budget is checked against. */
export function weightTable(scripts: ScriptWeight[]): string {
  const rows = [...scripts].sort((a, b) => b.gzip - a.gzip);
  const sum = (list: ScriptWeight[], key: 'bytes' | 'gzip') => list.reduce((total, s) => total + s[key], 0);
  const line = (name: string, bytes: number | string, gzip: number | string, how: string) =>
    `${name.padEnd(52)} ${String(bytes).padStart(9)} ${String(gzip).padStart(9)}  ${how}`;
  const how = (s: ScriptWeight) =>
    s.nomodule ? 'nomodule (not counted)' : [s.inHtml ? 'HTML' : '', s.loaded ? 'loaded' : ''].filter(Boolean).join(' + ');
  const counted = rows.filter((s) => !s.nomodule);
  const nomodule = rows.filter((s) => s.nomodule);
  return [
    line('script', 'bytes', 'gzip', 'from'),
    ...rows.map((s) => line(s.path, s.bytes, s.gzip, how(s))),
    line(`total a module browser loads (${counted.length} scripts)`, sum(counted, 'bytes'), sum(counted, 'gzip'), ''),
    line(`nomodule polyfills (${nomodule.length}), not counted`, sum(nomodule, 'bytes'), sum(nomodule, 'gzip'), ''),
  ].join('\n');
}
