import { expect, test, type APIRequestContext } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { E2E_ENV } from './helpers/content';
import { watchCspViolations } from './helpers/csp';
import { sendRaw } from './helpers/raw-http';
import { E2E_BASE_URL, E2E_PORT, extraPort, startServer } from './helpers/servers';
import { markViewed } from './helpers/views';

// Every response carries the security headers (docs/security.md), and no page breaks its own Content Security
// Policy (docs/decisions/0013-content-security-policy.md).

const seed = fixture.article;
const SEED_URL = seed.url;

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const EXPECTED = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function expectSecurityHeaders(headers: Record<string, string>, what: string, { photo = false } = {}) {
  for (const [name, value] of Object.entries(EXPECTED)) {
    // The image optimiser sends the same policy, sandboxed (next.config.js).
    const expected = photo && name === 'content-security-policy' ? `${value}; sandbox` : value;
    expect(headers[name], `${name} on ${what}`).toBe(expected);
  }
  expect(headers['x-powered-by'], `no X-Powered-By on ${what}`).toBeUndefined();
}

async function get(request: APIRequestContext, path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await request.fetch(path, { maxRedirects: 0, ...options });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

/** What the seed article's page links to: a script, a stylesheet, a font from it, photos, a keyword page. */
async function linksOfTheSeedArticle(request: APIRequestContext) {
  const html = await (await request.get(SEED_URL)).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const stylesheet = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(html)![1]!;
  const css = await (await request.get(stylesheet)).text();
  const font = new URL(/url\(([^)]+\.woff2)\)/.exec(css)![1]!, `http://x${stylesheet}`).pathname;
  const photo = /<img[^>]+src="(\/_next\/image\?[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  const media = /<meta property="og:image" content="https?:\/\/[^/]+(\/media\/[^"]+)"/.exec(html)![1]!;
  const keyword = /<a[^>]+href="(\/tu-khoa\/[^"]+)"/.exec(html)![1]!;
  return { script, stylesheet, font, photo, media, keyword };
}

test.describe('security headers', () => {
  test('every kind of response carries them, and none says what it runs on', async ({ request }) => {
    const assets = await linksOfTheSeedArticle(request);
    const responses: Array<[what: string, path: string, status: number, options?: { method?: string }]> = [
      ['home', '/', 200],
      ['article', SEED_URL, 200],
      ['category', `/news/${seed.categoryId}`, 200],
      ['keyword', assets.keyword, 200],
      ['search', '/tim-kiem?q=h%E1%BB%99i+ngh%E1%BB%8B', 200],
      ['a URL that matches no route', '/khong-co-trang-nay', 404],
      ['an unknown article', `/news/${seed.categoryId}/999999/x`, 404],
      ['an article URL without its slug (redirect)', `/news/${seed.categoryId}/${seed.id}`, 308],
      ['a trailing slash (Next’s own redirect)', `${SEED_URL}/`, 308],
      ['a doubled slash (Next’s own redirect)', `${E2E_BASE_URL}/${SEED_URL}`, 308],
      ['a script', assets.script, 200],
      ['a stylesheet', assets.stylesheet, 200],
      ['a font', assets.font, 200],
      ['the media route', assets.media, 200],
      ['the view API (GET)', `/api/articles/${seed.id}/views`, 200],
      ['the view API, wrong method', `/api/articles/${seed.id}/views`, 405, { method: 'DELETE' }],
      ['the view API, bad id', '/api/articles/abc/views', 400],
      ['robots.txt', '/robots.txt', 200],
      ['the sitemap', '/sitemap.xml', 200],
      ['the RSS feed', '/rss.xml', 200],
      ['the logo (public/)', '/logo-512.png', 200],
      // Answered by server.mjs itself, before Next (docs/decisions/0012-bad-requests.md).
      ['a path with a bad escape', '/news/%ZZ', 400],
      ['a method pages do not take', '/', 405, { method: 'DELETE' }],
      ['an unknown API path', '/api/khong-co', 404],
    ];
    for (const [what, path, status, options] of responses) {
      const response = await get(request, path, options);
      expect(response.status, `${what}: ${path}`).toBe(status);
      expectSecurityHeaders(response.headers, what);
    }
    const photo = await get(request, assets.photo, { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(photo.status).toBe(200);
    expectSecurityHeaders(photo.headers, 'a photo from the image optimiser', { photo: true });
  });

  test('CONNECT, answered on the socket by server.mjs, carries them too', async () => {
    const request = Buffer.from('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    const response = await sendRaw({ port: E2E_PORT, request });
    expect(response.status).toBe(405);
    expectSecurityHeaders(response.headers, 'CONNECT');
  });

  test('a page served from the cache carries them too', async ({ request }) => {
    await request.get(SEED_URL);
    const cached = await get(request, SEED_URL);
    expect(cached.headers['x-nextjs-cache']).toBe('HIT');
    expectSecurityHeaders(cached.headers, 'a cached page');
  });

  test('Strict-Transport-Security only when SITE_URL is https', async ({ request }) => {
    expect((await get(request, '/')).headers['strict-transport-security']).toBeUndefined();
    // The same build and database, as a site that is public over HTTPS (TLS ends in front of it).
    const https = await startServer({ port: extraPort(11), env: { ...E2E_ENV, SITE_URL: 'https://tin.example.vn', VIEW_RATE_LIMIT: '0' } });
    try {
      for (const path of ['/', SEED_URL, `${SEED_URL}/`, '/khong-co-trang-nay', '/api/ping']) {
        const response = await fetch(`${https.url}${path}`, { redirect: 'manual' });
        expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
        expect(response.headers.get('content-security-policy'), path).toBe(CSP);
      }
    } finally {
      await https.stop();
    }
  });
});

test.describe('the Content Security Policy in Chromium', () => {
  test.beforeEach(({ page }) => markViewed(page, seed.id));

  test('no page breaks it: home, article, category, keyword, search and 404s', async ({ page, request }) => {
    const violations = await watchCspViolations(page);
    const { keyword } = await linksOfTheSeedArticle(request);
    for (const path of ['/', SEED_URL, `/news/${seed.categoryId}`, keyword, '/tim-kiem?q=h%E1%BB%99i+ngh%E1%BB%8B', '/khong-co-trang-nay', `/news/${seed.categoryId}/999999/x`]) {
      await page.goto(path, { waitUntil: 'networkidle' });
      // Lazy photos load as they come into view.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
    }
  });

  test('styles, fonts, photos, the view counter and the reader and share buttons still work under it', async ({ page, context, baseURL }) => {
    const violations = await watchCspViolations(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const counter = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${seed.id}/views`));
    await page.goto(SEED_URL);
    expect((await counter).status()).toBe(200);
    await expect(page.getByText(seed.displayedViews, { exact: true })).toBeVisible();

    // The stylesheet applies (the header's blue), and the photos and fonts load.
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(11, 79, 156)');
    const lead = page.locator('.article-body img').first();
    await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // The four Be Vietnam Pro files (the "Fallback" face is local Arial's metrics, absent here).
    const fonts = await page.evaluate(async () => {
      const faces = [...document.fonts].filter((font) => !font.family.includes('Fallback'));
      await Promise.all(faces.map((font) => font.load().catch(() => null)));
      return faces.map((font) => `${font.family} ${font.weight} ${font.status}`);
    });
    expect(fonts).toHaveLength(4);
    for (const font of fonts) expect(font).toMatch(/ loaded$/);

    // Reader controls, copy link and print.
    await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-co-chu', '3');
    await page.getByRole('button', { name: 'Tương phản cao' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-tuong-phan', 'cao');
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await expect(page.getByText('Đã sao chép liên kết')).toBeVisible();
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.getByRole('button', { name: 'In bài viết' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-printed', '');
    expect(await violations()).toEqual([]);
  });

  test('is enforced: markup slipped into a page can neither run handlers nor style itself', async ({ page }) => {
    const violations = await watchCspViolations(page);
    await page.goto(SEED_URL);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img src="/khong-co.png" onerror="window.__pwned = 1"><p style="color: red">x</p>';
      document.body.append(box);
    });
    await expect.poll(violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src-attr /), expect.stringMatching(/^style-src-attr /)]),
    );
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });
});
