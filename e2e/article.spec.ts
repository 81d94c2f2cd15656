import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { importDocuments } from './helpers/content';
import { metaTags } from './helpers/html';
import { markViewed } from './helpers/views';

const SEED_URL = fixture.article.url;
const seed = fixture.article;

test.beforeEach(({ page }) => markViewed(page, seed.id));

async function orderOf(page: Page, selectors: string[]): Promise<number[]> {
  return page.evaluate((sels) => {
    const all = Array.from(document.querySelectorAll('*'));
    return sels.map((s) => all.indexOf(document.querySelector(s)!));
  }, selectors);
}

test.describe('the seed article page', () => {
  test('serves the seed article at its seed URL with status 200 in Vietnamese', async ({ page }) => {
    const response = await page.goto(SEED_URL);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page).toHaveTitle(new RegExp(`^${seed.title} \\| `));
  });

  test('shows breadcrumb, title, date-time, views, sapo, body, author, keywords and related news in that order', async ({ page }) => {
    await page.goto(SEED_URL);
    const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn' });
    await expect(breadcrumb.getByRole('link')).toHaveText(['Trang chủ', 'Chính trị']);
    await expect(breadcrumb.getByRole('link', { name: 'Chính trị' })).toHaveAttribute('href', '/news/17');

    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);

    const time = page.locator('.article__meta time');
    await expect(time).toHaveText(seed.displayedDateTime);
    await expect(time).toHaveAttribute('datetime', '2021-01-26T19:14:24+07:00');
    await expect(page.getByText(seed.displayedViews, { exact: true })).toBeVisible();
    await expect(page.getByText(seed.sapo, { exact: true })).toBeVisible();
    await expect(page.getByText(seed.author, { exact: true })).toBeVisible();

    const order = await orderOf(page, [
      'nav[aria-label="Đường dẫn"]',
      'h1',
      '.article__meta time',
      '.article__views',
      '.article__sapo',
      '.article-body',
      '.article__byline',
      '#tu-khoa',
      '#tin-lien-quan',
    ]);
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the body has the seed’s photos with captions and paragraphs, in the seed’s order', async ({ page }) => {
    await page.goto(SEED_URL);
    const blocks = page.locator('.article-body > *');
    await expect(blocks).toHaveCount(seed.body.length);
    for (const [index, expected] of seed.body.entries()) {
      const block = blocks.nth(index);
      if (expected.type === 'image') {
        await expect(block).toHaveJSProperty('tagName', 'FIGURE');
        await expect(block.locator('figcaption')).toHaveText(expected.caption!);
        const img = block.locator('img');
        await expect(img).toHaveAttribute('alt', expected.alt!);
        await expect(img).toHaveAttribute('width', /^\d+$/);
        await expect(img).toHaveAttribute('height', /^\d+$/);
        await expect(img).toHaveAttribute('sizes', /.+/);
        await expect(img).toHaveAttribute('srcset', /\/_next\/image\?url=%2Fmedia%2F/);
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      } else {
        await expect(block).toHaveJSProperty('tagName', 'P');
        await expect(block).toHaveText(expected.text!);
      }
    }
  });

  test('the keywords section links each keyword to its keyword page', async ({ page }) => {
    await page.goto(SEED_URL);
    const section = page.getByRole('region', { name: 'Từ khóa' });
    const links = section.getByRole('link');
    await expect(links).toHaveCount(3);
    await expect(links.first()).toHaveAttribute('href', '/tu-khoa/van-phong-ubnd-tinh');
    await links.first().click();
    await expect(page).toHaveURL(/\/tu-khoa\/van-phong-ubnd-tinh$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Từ khóa: Văn phòng UBND tỉnh');
    await expect(page.getByRole('link', { name: seed.title })).toHaveAttribute('href', SEED_URL);
  });

  test('the related rail lists up to 6 other articles with thumbnail, title, date and excerpt, at canonical URLs', async ({ page, request }) => {
    await page.goto(SEED_URL);
    const rail = page.getByRole('region', { name: 'Tin liên quan' });
    const items = rail.getByRole('listitem');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      await expect(item.locator('img')).toHaveCount(1);
      await expect(item.locator('time')).toHaveText(/^(Chủ nhật|Thứ [2-7]), \d\d\.\d\d\.\d{4} \| \d\d:\d\d:\d\d$/);
      const link = item.getByRole('heading').getByRole('link');
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/news\/\d+\/\d+\/[a-z0-9-]+$/);
      expect(href).not.toBe(SEED_URL);
      expect((await request.get(href, { maxRedirects: 0 })).status()).toBe(200);
    }
    const known = fixture.relatedRail[0]!;
    const item = items.filter({ has: page.getByRole('link', { name: known.title }) });
    await expect(item.locator('.card__excerpt')).toHaveText(known.excerpt);
  });

  test('everything a reader needs is in the server HTML, with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SEED_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.getByText(seed.displayedDateTime)).toBeVisible();
    await expect(page.getByText(seed.displayedViews)).toBeVisible();
    await expect(page.locator('figcaption')).toHaveText(seed.body.filter((b) => b.type === 'image').map((b) => b.caption!));
    await expect(page.getByRole('region', { name: 'Tin liên quan' }).getByRole('listitem').first()).toBeVisible();
    await context.close();
  });

  test('the header has the site name and category menu; the footer the publisher', async ({ page }) => {
    await page.goto(SEED_URL);
    await expect(page.getByRole('banner').getByRole('link', { name: /Thái Bình TV/ })).toHaveAttribute('href', '/');
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    await expect(menu.getByRole('link', { name: 'Chính trị' })).toHaveAttribute('href', '/news/17');
    expect(await menu.getByRole('link').count()).toBeGreaterThanOrEqual(7);
    await expect(page.getByRole('contentinfo')).toContainText('Đài Phát thanh và Truyền hình Thái Bình');
    await expect(page.getByRole('contentinfo')).toContainText('Địa chỉ:');
  });
});

test.describe('article URLs', () => {
  const canonical = SEED_URL;
  for (const [why, url] of [
    ['category 0, as the old site also links', `/news/0/60431/${seed.slug}`],
    ['a wrong category', `/news/29/60431/${seed.slug}`],
    ['a wrong slug', '/news/17/60431/tieu-de-cu'],
    ['no slug', '/news/17/60431'],
    ['a zero-padded id', `/news/17/060431/${seed.slug}`],
  ]) {
    test(`redirects permanently to the canonical URL from ${why}`, async ({ request }) => {
      const response = await request.get(url!, { maxRedirects: 0 });
      expect([301, 308]).toContain(response.status());
      expect(new URL(response.headers().location!, 'http://x').pathname).toBe(canonical);
    });
  }

  for (const url of ['/news/17/99999/khong-co', '/news/17/-5/x', '/news/17/60431.5/x', '/news/17/abc/x', '/news/17/abc', '/news/17/1e3/x', '/news/17/99999999999999999999/x', `/news/17/59312/x`]) {
    test(`answers 404 with the site’s Vietnamese 404 page for ${url}`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
      await expect(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeVisible();
    });
  }

  test('a 404 decided by a page is the full not-found page in the HTML, readable with JavaScript off', async ({ browser, request }) => {
    // Unknown article, category page past the end, unknown category, unknown keyword, search page past the end.
    for (const url of ['/news/17/999999/x', '/news/17?trang=99', '/news/999', '/tu-khoa/khong-ton-tai', '/tim-kiem?q=hoi+nghi&trang=999']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      const html = await response.text();
      expect(html, url).toContain('<h1>Không tìm thấy trang</h1>');
      expect(html, url).not.toContain('id="__next_error__"');
    }
    // Issue #15: one robots tag, not Next's and the page's own both.
    for (const url of ['/news/17/999999/x', '/tu-khoa/khong-ton-tai', '/khong-co-trang-nay']) {
      const html = await (await request.get(url)).text();
      expect(metaTags(html).filter(([key]) => key === 'robots'), url).toEqual([['robots', 'noindex']]);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/news/17/999999/x');
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(/^Không tìm thấy trang \| /);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Chính trị' })).toBeVisible();
    await context.close();
  });

  test('with JavaScript the 404 page hydrates without errors and keeps its address', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && !/404 \(Not Found\)/.test(message.text()) && errors.push(message.text()));
    await page.goto('/news/17/999999/x');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/news/17/999999/x');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Chính trị' }).click();
    await expect(page).toHaveURL(/\/news\/17$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chính trị');
    expect(errors).toEqual([]);
  });
});

test('an article without keywords has no Từ khóa section', async ({ page }) => {
  const output = importDocuments([
    {
      name: 'khong-tu-khoa.json',
      content: {
        id: 70100,
        categoryId: 19,
        title: 'Bài viết thử nghiệm không có từ khóa',
        sapo: 'Bài viết này được nhập bằng lệnh nhập nội dung để kiểm tra trang không có từ khóa.',
        publishedAt: '2019-05-01T08:00:00+07:00',
        author: 'Ban biên tập',
        body: [{ type: 'paragraph', text: 'Nội dung bài viết thử nghiệm.' }],
      },
    },
  ]);
  expect(output).toContain('1 imported, 0 failed');
  const response = await page.goto('/news/19/70100/bai-viet-thu-nghiem-khong-co-tu-khoa');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Nội dung bài viết thử nghiệm.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Từ khóa', exact: true })).toHaveCount(0);
});

test('reads on a phone without sideways scrolling, images within the screen @mobile', async ({ page }) => {
  await page.goto(SEED_URL);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const viewport = page.viewportSize()!;
  for (const box of await page.locator('.article-body img').evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual(viewport.width);
  }
});
