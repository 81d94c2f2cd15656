import { expect, test, type APIRequestContext } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { markViewed } from './helpers/views';

// Pages are served from Next's cache (their freshness after edits: freshness.spec.ts). What a reverse proxy or
// CDN is told (Cache-Control), and how static assets and images are served.

const seed = fixture.article;
const SEED_URL = `/news/${seed.categoryId}/${seed.id}/${seed.slug}`;
// Shared caches (the nginx tier, a CDN) keep pages seconds, not Next's 5 minutes: server/shared-cache.mjs,
// docs/decisions/0014-http-cache-tier.md.
const PAGE_CACHE_CONTROL = 's-maxage=1, stale-while-revalidate=0, stale-if-error=86400';
const XML_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=0, stale-if-error=86400';

async function cacheStatus(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  return { status: response.headers()['x-nextjs-cache'], body: await response.text(), headers: response.headers() };
}

/** Requests a page until Next serves it from its cache, and returns that cached copy. */
async function warm(request: APIRequestContext, path: string) {
  await request.get(path);
  const second = await cacheStatus(request, path);
  expect(second.status, `${path} is served from the cache once rendered`).toBe('HIT');
  return second;
}

test.describe('page caching', () => {
  test.beforeEach(({ page }) => markViewed(page, seed.id));

  test('pages tell caches how long to keep them; the API is never cached', async ({ request }) => {
    for (const path of ['/', SEED_URL, `/news/${seed.categoryId}`, `/news/${seed.categoryId}/${seed.id}`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()['cache-control'], path).toBe(PAGE_CACHE_CONTROL);
    }
    for (const path of ['/sitemap.xml', '/rss.xml']) {
      expect((await request.get(path)).headers()['cache-control'], path).toBe(XML_CACHE_CONTROL);
    }
    for (const path of [`/api/articles/${seed.id}/views`, '/api/ping']) {
      expect((await request.get(path)).headers()['cache-control'], path).toBe('no-store');
    }
  });

  test('a warm page is served from the cache, the same bytes each time', async ({ request }) => {
    const first = await warm(request, SEED_URL);
    const again = await cacheStatus(request, SEED_URL);
    expect(again.status).toBe('HIT');
    expect(again.body).toBe(first.body);
  });

  test('a newsroom session cookie changes nothing: public pages stay cached, the same bytes for everyone', async ({ request }) => {
    for (const path of ['/', SEED_URL, `/news/${seed.categoryId}`]) {
      const anonymous = await warm(request, path);
      // Public pages read no cookie (e2e/newsroom.spec.ts signs in for real; any value shows it here).
      const response = await request.get(path, { headers: { cookie: 'toa-soan=abc.def; __Host-toa-soan=abc.def' } });
      expect(response.headers()['x-nextjs-cache'], path).toBe('HIT');
      expect(response.headers()['cache-control'], path).toBe(PAGE_CACHE_CONTROL);
      expect(response.headers()['set-cookie'], path).toBeUndefined();
      expect(await response.text(), path).toBe(anonymous.body);
    }
  });

  test('static assets are immutable and kept for a year', async ({ request }) => {
    const html = await (await request.get(SEED_URL)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const path of [...scripts.slice(0, 3), styles[0]!]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
  });

  test('photos go through next/image as AVIF or WebP, with sizes; the lead photo first, the rest lazily', async ({ request }) => {
    const html = await (await request.get(SEED_URL)).text();
    const body = html.slice(html.indexOf('class="article-body"'), html.indexOf('class="article__byline"'));
    const images = [...body.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBe(seed.body.filter((b) => b.type === 'image').length);
    images.forEach((img, index) => {
      expect(img).toMatch(/\ssizes="[^"]+"/);
      expect(img).toMatch(/\swidth="\d+"/);
      expect(img).toMatch(/\sheight="\d+"/);
      expect(img).toMatch(/srcSet="[^"]*\/_next\/image\?url=/i);
      if (index === 0) {
        expect(img).toMatch(/fetchPriority="high"/i);
        expect(img).not.toMatch(/loading="lazy"/);
      } else {
        expect(img).toMatch(/loading="lazy"/);
      }
    });
    const src = /\ssrc="([^"]+)"/.exec(images[0]!)![1]!.replace(/&amp;/g, '&');
    const formats: Array<[accept: string, type: string]> = [
      ['image/avif,image/webp,*/*', 'image/avif'],
      ['image/webp,*/*', 'image/webp'],
    ];
    for (const [accept, type] of formats) {
      const response = await request.get(src, { headers: { Accept: accept } });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(type);
      // Encoded once, then served from the image cache (server/cache-handler.mjs): the same bytes, no new encoding.
      const again = await request.get(src, { headers: { Accept: accept } });
      expect(again.headers()['content-type']).toBe(type);
      expect(again.headers()['x-nextjs-cache']).toBe('HIT');
      expect(Buffer.compare(await again.body(), await response.body())).toBe(0);
    }
  });

  for (const path of ['/', SEED_URL, `/news/${seed.categoryId}`]) {
    test(`nothing on ${path} moves once shown: no layout shift @mobile`, async ({ page }) => {
      await page.addInitScript(() => {
        const shifts: string[] = [];
        window.__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
            if (entry.hadRecentInput) continue;
            const nodes = (entry.sources ?? []).map((s) => (s.node as Element | undefined)?.className ?? '?');
            shifts.push(`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${nodes.join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    });
  }

});
