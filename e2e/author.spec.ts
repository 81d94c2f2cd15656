import { expect, test } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { importDocuments } from './helpers/content';
import { fetchHtml, jsonLd, linkHref, meta, titleOf } from './helpers/html';
import { unstyledTextRuns } from './helpers/text-runs';
import { markViewed } from './helpers/views';

// Author pages (issue #15, point 3; decision 0021): the byline links each of its authors to `/tac-gia/<slug>`, which
// lists their published articles like a keyword page, and the article's structured data gives each author's URL.

const seed = fixture.article;
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
// An existing category no other spec counts, and dates before every demo article: the menu and home stay as they are.
const CATEGORY = 29;
const FIRST_ID = 82000;
const TOTAL = 22;
const AUTHOR = { name: 'Lê Thị Ánh Dương', slug: 'le-thi-anh-duong' };
const CO_AUTHOR = { name: 'Đỗ Văn Đạt', slug: 'do-van-dat' };
const DRAFT_AUTHOR = { name: 'Người Chỉ Có Bản Nháp', slug: 'nguoi-chi-co-ban-nhap' };
/** The newest of the author's articles is the one they wrote with a co-author. */
const SHARED_ID = FIRST_ID + TOTAL - 1;
const titleOfNumber = (n: number) => `Bài của tác giả thử nghiệm số ${n}`;

const articleDocument = (id: number, extra: Record<string, unknown>) => ({
  name: `${id}.json`,
  content: {
    id,
    categoryId: CATEGORY,
    title: titleOfNumber(id - FIRST_ID + 1),
    sapo: 'Bài viết dùng để kiểm tra trang tác giả và phân trang của nó.',
    publishedAt: `2016-05-${String(id - FIRST_ID + 1).padStart(2, '0')}T08:00:00+07:00`,
    author: AUTHOR.name,
    body: [
      { type: 'image', file: 'a60431-2.jpg', alt: 'Ảnh minh họa' },
      { type: 'paragraph', text: 'Nội dung bài viết thử nghiệm.' },
    ],
    ...extra,
  },
});

test.beforeEach(({ page }) => markViewed(page, seed.id));

test.beforeAll(() => {
  const output = importDocuments([
    ...Array.from({ length: TOTAL - 1 }, (_, i) => articleDocument(FIRST_ID + i, {})),
    articleDocument(SHARED_ID, { author: `${AUTHOR.name} - ${CO_AUTHOR.name}` }),
    articleDocument(FIRST_ID + 50, {
      author: DRAFT_AUTHOR.name,
      status: 'draft',
      title: 'Bản nháp chưa đăng của tác giả thử nghiệm',
      publishedAt: '2016-06-01T08:00:00+07:00',
    }),
  ]);
  expect(output).toContain(`${TOTAL + 1} imported, 0 failed`);
});

async function sharedArticleUrl(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const location = (await request.get(`/news/${CATEGORY}/${SHARED_ID}`, { maxRedirects: 0 })).headers().location!;
  return new URL(location, BASE).pathname;
}

test.describe('the byline', () => {
  test('links the seed article’s author to their page, and the structured data gives that URL', async ({ page, request }) => {
    await page.goto(seed.url);
    const byline = page.locator('.article__byline');
    await expect(byline).toHaveText(seed.author);
    await expect(byline.getByRole('link', { name: seed.author })).toHaveAttribute('href', '/tac-gia/cao-bien');

    const article = jsonLd(await fetchHtml(request, seed.url)).find((b) => b['@type'] === 'NewsArticle')!;
    expect(article.author).toEqual({ '@type': 'Person', name: seed.author, url: `${BASE}/tac-gia/cao-bien` });
  });

  test('of several names links each author, keeps the text as typed, and gives a Person for each', async ({ page, request, browser }) => {
    const url = await sharedArticleUrl(request);
    await page.goto(url);
    const byline = page.locator('.article__byline');
    await expect(byline).toHaveText(`${AUTHOR.name} - ${CO_AUTHOR.name}`);
    const links = byline.getByRole('link');
    await expect(links).toHaveText([AUTHOR.name, CO_AUTHOR.name]);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/tac-gia/${AUTHOR.slug}`, `/tac-gia/${CO_AUTHOR.slug}`]);

    const article = jsonLd(await fetchHtml(request, url)).find((b) => b['@type'] === 'NewsArticle')!;
    expect(article.author).toEqual([
      { '@type': 'Person', name: AUTHOR.name, url: `${BASE}/tac-gia/${AUTHOR.slug}` },
      { '@type': 'Person', name: CO_AUTHOR.name, url: `${BASE}/tac-gia/${CO_AUTHOR.slug}` },
    ]);

    // Without styles (a text browser, a copy) the two names stay apart.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(url);
    expect(await plain.locator('.article__byline').textContent()).toBe(`${AUTHOR.name} - ${CO_AUTHOR.name}`);
    expect(await unstyledTextRuns(plain)).toEqual([]);
    await context.close();
  });
});

test.describe('author pages', () => {
  test('list the author’s published articles newest first, 20 a page, and ?trang=2 the rest', async ({ page, request }) => {
    const response = await page.goto(`/tac-gia/${AUTHOR.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tác giả: ${AUTHOR.name}`);
    const titles = page.locator('.listing__items h2');
    await expect(titles).toHaveCount(20);
    await expect(titles.first()).toHaveText(titleOfNumber(TOTAL));
    await expect(titles.last()).toHaveText(titleOfNumber(3));

    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau ›' }).click();
    await expect(page).toHaveURL(new RegExp(`/tac-gia/${AUTHOR.slug}\\?trang=2$`));
    await expect(titles).toHaveText([titleOfNumber(2), titleOfNumber(1)]);

    expect((await request.get(`/tac-gia/${AUTHOR.slug}?trang=3`)).status()).toBe(404);
    const first = await request.get(`/tac-gia/${AUTHOR.slug}?trang=1`, { maxRedirects: 0 });
    expect([301, 308]).toContain(first.status());
    expect(first.headers().location).toMatch(new RegExp(`/tac-gia/${AUTHOR.slug}$`));
  });

  test('the co-author’s page lists the shared article, and the seed author’s page the seed article', async ({ page }) => {
    await page.goto(`/tac-gia/${CO_AUTHOR.slug}`);
    await expect(page.locator('.listing__items h2')).toHaveText([titleOfNumber(TOTAL)]);
    await page.goto('/tac-gia/cao-bien');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tác giả: Cao Biền');
    await expect(page.locator('.listing__items h2 a', { hasText: seed.title })).toHaveAttribute('href', seed.url);
  });

  test('have their own title, description, canonical and Open Graph tags, on every page', async ({ request }) => {
    const first = await fetchHtml(request, `/tac-gia/${AUTHOR.slug}`);
    expect(titleOf(first)).toBe(`Tác giả: ${AUTHOR.name} | Thái Bình TV`);
    expect(meta(first, 'description')).toContain(AUTHOR.name);
    expect(linkHref(first, 'canonical')).toEqual([`${BASE}/tac-gia/${AUTHOR.slug}`]);
    expect(meta(first, 'og:url')).toBe(`${BASE}/tac-gia/${AUTHOR.slug}`);
    expect(meta(first, 'og:title')).toBe(`Tác giả: ${AUTHOR.name}`);
    const second = await fetchHtml(request, `/tac-gia/${AUTHOR.slug}?trang=2`);
    expect(titleOf(second)).toBe(`Tác giả: ${AUTHOR.name} - Trang 2 | Thái Bình TV`);
    expect(linkHref(second, 'canonical')).toEqual([`${BASE}/tac-gia/${AUTHOR.slug}?trang=2`]);
    for (const html of [first, second]) {
      for (const key of ['og:site_name', 'og:locale', 'og:type', 'og:description', 'og:image', 'twitter:card']) expect(meta(html, key), key).toBeTruthy();
    }
  });

  test('carry a ProfilePage about the Person, a BreadcrumbList and a CollectionPage of the listed articles', async ({ request, page }) => {
    const html = await fetchHtml(request, `/tac-gia/${AUTHOR.slug}?trang=2`);
    const blocks = jsonLd(html);
    expect(blocks.map((b) => b['@type']).sort()).toEqual(['BreadcrumbList', 'CollectionPage', 'ProfilePage']);
    expect(blocks.find((b) => b['@type'] === 'ProfilePage')).toMatchObject({
      '@context': 'https://schema.org',
      url: `${BASE}/tac-gia/${AUTHOR.slug}?trang=2`,
      mainEntity: { '@type': 'Person', name: AUTHOR.name, url: `${BASE}/tac-gia/${AUTHOR.slug}` },
    });
    expect(blocks.find((b) => b['@type'] === 'BreadcrumbList')!.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${BASE}/` },
      { '@type': 'ListItem', position: 2, name: `Tác giả: ${AUTHOR.name}`, item: `${BASE}/tac-gia/${AUTHOR.slug}` },
    ]);
    const collection = blocks.find((b) => b['@type'] === 'CollectionPage')!;
    expect(collection.url).toBe(`${BASE}/tac-gia/${AUTHOR.slug}?trang=2`);
    await page.goto(`/tac-gia/${AUTHOR.slug}?trang=2`);
    const listed = await page.locator('.listing__items h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(collection.mainEntity).toEqual({
      '@type': 'ItemList',
      numberOfItems: 2,
      itemListElement: listed.map((url, i) => ({ '@type': 'ListItem', position: i + 1, url })),
    });
  });

  test('an unknown author, or one whose only article is a draft, answers 404 with one robots tag, and is never linked or listed', async ({ request }) => {
    for (const url of ['/tac-gia/khong-co-tac-gia-nay', `/tac-gia/${DRAFT_AUTHOR.slug}`, `/tac-gia/${DRAFT_AUTHOR.slug}?trang=2`, `/tac-gia/${'a'.repeat(300)}`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      const html = await response.text();
      expect(html, url).toContain('Không tìm thấy trang');
      expect(html.match(/<meta name="robots"/g), url).toHaveLength(1);
    }
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain(`<loc>${BASE}/tac-gia/cao-bien</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}/tac-gia/${AUTHOR.slug}</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}/tac-gia/${CO_AUTHOR.slug}</loc>`);
    expect(sitemap).not.toContain(DRAFT_AUTHOR.slug);
  });
});
