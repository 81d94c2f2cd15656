import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { importDocuments } from './helpers/content';
import { slugify } from '../lib/vietnamese';
import { fetchHtml, jsonLd } from './helpers/html';

// A category of 25 articles, imported as an editor would, to see pagination at 20 a page.
const CATEGORY = 90;
const TOTAL = 25;
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
// A keyword whose name would end a script element if it were not escaped, on an article dated before every demo one.
const HOSTILE_KEYWORD = 'Danh sách </script><script>alert(1)</script> & “ngoặc”';
const HOSTILE_ID = 80100;

test.beforeAll(() => {
  const articles = Array.from({ length: TOTAL }, (_, i) => ({
    name: `${80000 + i}.json`,
    content: {
      id: 80000 + i,
      categoryId: CATEGORY,
      title: `Bản tin thử nghiệm phân trang số ${i + 1}`,
      sapo: `Bản tin số ${i + 1} dùng để kiểm tra việc chia trang của chuyên mục thử nghiệm.`,
      publishedAt: `2019-03-${String(i + 1).padStart(2, '0')}T09:00:00+07:00`,
      author: 'Ban biên tập',
      keywords: ['Phân trang thử nghiệm'],
      body: [
        { type: 'image', file: 'a60431-1.jpg', alt: 'Ảnh minh họa' },
        { type: 'paragraph', text: 'Nội dung bản tin thử nghiệm.' },
      ],
    },
  }));
  const hostile = {
    name: `${HOSTILE_ID}.json`,
    content: {
      id: HOSTILE_ID,
      categoryId: 29,
      title: 'Bản tin có từ khóa chứa mã',
      sapo: 'Bản tin dùng để kiểm tra dữ liệu có cấu trúc của trang từ khóa.',
      publishedAt: '2017-01-01T09:00:00+07:00',
      keywords: [HOSTILE_KEYWORD],
      body: [{ type: 'paragraph', text: 'Nội dung.' }],
    },
  };
  const output = importDocuments([
    { name: 'categories.json', content: { categories: [{ id: CATEGORY, name: 'Thử nghiệm', position: 99 }] } },
    ...articles,
    hostile,
  ]);
  expect(output).toContain(`${TOTAL + 2} imported, 0 failed`);
});

/** The listing page's structured data as a crawler reads it, and the absolute URLs of the articles it shows. */
async function structuredData(page: Page, request: APIRequestContext, url: string) {
  const blocks = jsonLd(await fetchHtml(request, url));
  await page.goto(url);
  const listed = await page.locator('.listing__items h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return { blocks, listed, ofType: (type: string) => blocks.find((b) => b['@type'] === type)! };
}

test.describe('category pages', () => {
  test('list the category’s articles newest first, 20 a page', async ({ page }) => {
    const response = await page.goto(`/news/${CATEGORY}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thử nghiệm');
    const titles = page.locator('.listing__items h2');
    await expect(titles).toHaveCount(20);
    await expect(titles.first()).toHaveText('Bản tin thử nghiệm phân trang số 25');
    await expect(titles.last()).toHaveText('Bản tin thử nghiệm phân trang số 6');
  });

  test('page 2 is ?trang=2 and holds the rest; the pagination links work', async ({ page }) => {
    await page.goto(`/news/${CATEGORY}`);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau ›' }).click();
    await expect(page).toHaveURL(new RegExp(`/news/${CATEGORY}\\?trang=2$`));
    const titles = page.locator('.listing__items h2');
    await expect(titles).toHaveCount(TOTAL - 20);
    await expect(titles.last()).toHaveText('Bản tin thử nghiệm phân trang số 1');
  });

  test('a page past the end, a bad page number and an unknown category are 404', async ({ request }) => {
    for (const url of [`/news/${CATEGORY}?trang=3`, `/news/${CATEGORY}?trang=0`, `/news/${CATEGORY}?trang=abc`, `/news/${CATEGORY}?trang=%00`, `/news/${CATEGORY}?trang=${'9'.repeat(300)}`, '/news/999', '/news/-1', '/news/0']) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
  });

  test('?trang=1 redirects permanently to the page without it', async ({ request }) => {
    const response = await request.get(`/news/${CATEGORY}?trang=1`, { maxRedirects: 0 });
    expect([301, 308]).toContain(response.status());
    expect(response.headers().location).toMatch(new RegExp(`/news/${CATEGORY}$`));
  });

  test('a seed category lists only its own published articles, each linking to its canonical URL', async ({ page }) => {
    await page.goto('/news/17');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chính trị');
    const hrefs = await page.locator('.listing__items h2 a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^\/news\/17\/\d+\/[a-z0-9-]+$/);
    const dates = await page.locator('.listing__items time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

test.describe('keyword pages', () => {
  test('list the articles carrying the keyword, newest first, paginated the same way', async ({ page, request }) => {
    const response = await page.goto('/tu-khoa/phan-trang-thu-nghiem');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Từ khóa: Phân trang thử nghiệm');
    await expect(page.locator('.listing__items h2')).toHaveCount(20);
    await expect(page.locator('.listing__items h2').first()).toHaveText('Bản tin thử nghiệm phân trang số 25');
    await page.goto('/tu-khoa/phan-trang-thu-nghiem?trang=2');
    await expect(page.locator('.listing__items h2')).toHaveCount(TOTAL - 20);
    expect((await request.get('/tu-khoa/phan-trang-thu-nghiem?trang=3')).status()).toBe(404);
    expect((await request.get('/tu-khoa/khong-ton-tai')).status()).toBe(404);
  });
});

test.describe('structured data of listing pages', () => {
  test('a category page has a BreadcrumbList and a CollectionPage whose ItemList is the articles it lists, on every page', async ({ page, request }) => {
    for (const [url, name, count] of [
      [`/news/${CATEGORY}`, 'Thử nghiệm', 20],
      [`/news/${CATEGORY}?trang=2`, 'Thử nghiệm - Trang 2', TOTAL - 20],
    ] as const) {
      const { blocks, listed, ofType } = await structuredData(page, request, url);
      expect(blocks.map((b) => b['@type']).sort(), url).toEqual(['BreadcrumbList', 'CollectionPage']);
      expect(ofType('BreadcrumbList').itemListElement).toEqual([
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${BASE}/` },
        { '@type': 'ListItem', position: 2, name: 'Thử nghiệm', item: `${BASE}/news/${CATEGORY}` },
      ]);
      expect(ofType('CollectionPage')).toMatchObject({ '@context': 'https://schema.org', name, url: `${BASE}${url}`, inLanguage: 'vi' });
      expect(listed).toHaveLength(count);
      expect(ofType('CollectionPage').mainEntity).toEqual({
        '@type': 'ItemList',
        numberOfItems: count,
        itemListElement: listed.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: item })),
      });
    }
  });

  test('a seed category (/news/17) and a keyword page carry them too', async ({ page, request }) => {
    const category = await structuredData(page, request, '/news/17');
    expect(category.blocks.map((b) => b['@type']).sort()).toEqual(['BreadcrumbList', 'CollectionPage']);
    expect((category.ofType('CollectionPage').mainEntity as { itemListElement: Array<{ url: string }> }).itemListElement.map((i) => i.url)).toEqual(category.listed);

    const keyword = await structuredData(page, request, '/tu-khoa/phan-trang-thu-nghiem?trang=2');
    expect(keyword.ofType('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${BASE}/` },
      { '@type': 'ListItem', position: 2, name: 'Từ khóa: Phân trang thử nghiệm', item: `${BASE}/tu-khoa/phan-trang-thu-nghiem` },
    ]);
    expect(keyword.ofType('CollectionPage')).toMatchObject({
      name: 'Từ khóa: Phân trang thử nghiệm - Trang 2',
      url: `${BASE}/tu-khoa/phan-trang-thu-nghiem?trang=2`,
      mainEntity: { '@type': 'ItemList', numberOfItems: TOTAL - 20 },
    });
    expect((keyword.ofType('CollectionPage').mainEntity as { itemListElement: Array<{ url: string }> }).itemListElement.map((i) => i.url)).toEqual(keyword.listed);
  });

  test('is escaped like the article’s: a keyword cannot end the script, and reads back as typed', async ({ page, request }) => {
    const keywordHref = `/tu-khoa/${slugify(HOSTILE_KEYWORD)}`;
    const html = await fetchHtml(request, keywordHref);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => json!);
    expect(scripts).toHaveLength(2);
    for (const json of scripts) expect(json).not.toMatch(/[<>]/);
    const { ofType } = await structuredData(page, request, keywordHref);
    expect(ofType('CollectionPage').name).toBe(`Từ khóa: ${HOSTILE_KEYWORD}`);
    expect((ofType('BreadcrumbList').itemListElement as Array<{ name: string }>)[1]!.name).toBe(`Từ khóa: ${HOSTILE_KEYWORD}`);
  });
});
