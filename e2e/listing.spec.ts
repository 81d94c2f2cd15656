import { expect, test } from '@playwright/test';
import { importDocuments } from './helpers/content';

// A category of 25 articles, imported as an editor would, to see pagination at 20 a page.
const CATEGORY = 90;
const TOTAL = 25;

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
  const output = importDocuments([
    { name: 'categories.json', content: { categories: [{ id: CATEGORY, name: 'Thử nghiệm', position: 99 }] } },
    ...articles,
  ]);
  expect(output).toContain(`${TOTAL + 1} imported, 0 failed`);
});

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
