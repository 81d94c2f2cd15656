import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { fetchHtml, meta } from './helpers/html';
import { markViewed } from './helpers/views';

test.beforeEach(({ page }) => markViewed(page, fixture.article.id));

const results = (page: import('@playwright/test').Page) => page.locator('.search-results > li');

test.describe('search without diacritics finds text with them', () => {
  for (const [typed, expected] of [
    ['hoi nghi', 'Hội nghị'],
    ['dong chi', 'Đồng chí'],
    ['Hội nghị', 'Hội nghị'],
  ]) {
    test(`“${typed}” finds and highlights “${expected}”`, async ({ page }) => {
      await page.goto(`/tim-kiem?q=${encodeURIComponent(typed!)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kết quả tìm kiếm cho “${typed}”`);
      expect(await results(page).count()).toBeGreaterThan(0);
      const marks = await page.locator('.search-results mark').allTextContents();
      expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(expected!.toLowerCase().split(' ')));
    });
  }

  test('“dai hoi” finds “Ðại hội” written with U+00D0 and marks the original letters', async ({ page }) => {
    await page.goto('/tim-kiem?q=dai+hoi+dang+dua+dat+nuoc');
    const hit = results(page).filter({ hasText: 'Khơi dậy động lực phát triển đất nước trong giai đoạn mới' });
    await expect(hit).toHaveCount(1);
    expect(await hit.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Ðại', 'Ðảng']));
  });

  test('each result shows its title linking to the article, date, category and a highlighted snippet', async ({ page }) => {
    await page.goto('/tim-kiem?q=tham+muu+trien+khai+hieu+qua');
    const first = results(page).first();
    await expect(first.getByRole('heading', { level: 2 }).getByRole('link')).toHaveAttribute('href', fixture.article.url);
    await expect(first.locator('time')).toHaveText(fixture.article.displayedDateTime);
    await expect(first.getByRole('link', { name: 'Chính trị' })).toHaveAttribute('href', '/news/17');
    await expect(first.locator('mark').first()).toBeVisible();
  });
});

test('title matches rank above body matches', async ({ page }) => {
  await page.goto('/tim-kiem?q=van+phong+ubnd+tinh');
  const titles = await results(page).locator('h2').allTextContents();
  const firstWithTitleMatch = titles.findIndex((t) => t.includes('Văn phòng UBND tỉnh'));
  expect(firstWithTitleMatch).toBe(0);
});

test('20 results a page, ?trang=2 for the next', async ({ page }) => {
  await page.goto('/tim-kiem?q=thai+binh');
  await expect(results(page)).toHaveCount(20);
  const firstPage = await results(page).locator('h2').allTextContents();
  await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau ›' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=thai%20binh&trang=2$/);
  const secondPage = await results(page).locator('h2').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
});

test('empty input gets a friendly prompt; no results get the latest articles as suggestions', async ({ page }) => {
  for (const q of ['', '   ']) {
    await page.goto(`/tim-kiem?q=${encodeURIComponent(q)}`);
    await expect(page.getByText('Nhập từ khóa cần tìm')).toBeVisible();
  }
  await page.goto('/tim-kiem?q=xyzzyqwv');
  await expect(page.getByRole('status')).toContainText('Không tìm thấy bài viết nào');
  await expect(page.getByRole('heading', { name: 'Tin mới nhất' })).toBeVisible();
  expect(await page.locator('.listing__items article').count()).toBe(5);
});

test('any input is safe: FTS syntax, SQL, emoji, control characters and very long queries', async ({ request, page }) => {
  const nasty = ['"', '*', '(', ')', ':', '^', '-', 'NEAR', 'OR', 'AND', 'NOT', 'a OR b', 'title:x', '"hội', 'NEAR(hội nghị)', "' OR 1=1 --", '🙂🎉', '\u0000\u0007', 'hội\u202Enghị', '%', 'x'.repeat(1000), 'hội nghị '.repeat(120)];
  for (const q of nasty) {
    const response = await request.get(`/tim-kiem?q=${encodeURIComponent(q)}`);
    expect(response.status(), JSON.stringify(q).slice(0, 40)).toBe(200);
  }
  await page.goto(`/tim-kiem?q=${encodeURIComponent('hội nghị '.repeat(120))}`);
  const value = await page.locator('#tim-kiem-trang').inputValue();
  expect([...value].length).toBeLessThanOrEqual(200);
  await expect(results(page).first()).toBeVisible();
});

test('search pages are kept out of search engines', async ({ request }) => {
  expect(meta(await fetchHtml(request, '/tim-kiem?q=hoi+nghi'), 'robots')).toContain('noindex');
});

test('the header search box is on every page and works with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const url of ['/', '/news/17', fixture.article.url]) {
    await page.goto(url);
    await expect(page.getByRole('banner').getByRole('search')).toBeVisible();
  }
  await page.getByRole('banner').getByRole('searchbox', { name: 'Tìm kiếm tin bài' }).fill('hoi nghi tong ket');
  await page.getByRole('banner').getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=hoi\+nghi\+tong\+ket$/);
  expect(await results(page).count()).toBeGreaterThan(0);
  await context.close();
});

test('“Đọc nhiều” lists the five most read articles on the home page and on articles', async ({ page }) => {
  // The demo content is older than 30 days, so the list falls back to all time: the five highest counts.
  const dir = path.join('db', 'seed', 'articles');
  const seeded = fs
    .readdirSync(dir)
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { title: string; views?: number; status?: string })
    .filter((a) => a.status !== 'draft')
    .sort((a, b) => (b.views ?? 0) - (a.views ?? 0))
    .slice(0, 5)
    .map((a) => a.title);
  for (const url of ['/', fixture.article.url]) {
    await page.goto(url);
    const list = page.getByRole('region', { name: 'Đọc nhiều' }).getByRole('listitem');
    await expect(list.getByRole('link')).toHaveText(seeded);
  }
});
