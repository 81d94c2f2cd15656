import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { E2E_BASE_URL, getViews, post } from './helpers/servers';

// Runs in the "views" project: after the page specs, one test at a time, so counts move only from here.
const SEED_URL = fixture.article.url;
const ID = fixture.article.id;

const viewsText = (page: Page) => page.locator('.article__meta .article__views');
const countPosts = (page: Page) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/views')) posts.push(r.url());
  });
  return posts;
};
const format = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} lượt xem`;

test('opening the seed article counts one view: the count shown becomes the initial count + 1, as the API says', async ({ page }) => {
  const initial = await getViews(E2E_BASE_URL, ID);
  expect(initial).toBe(fixture.article.views); // nothing has counted the seed article before this spec
  const response = await page.goto(SEED_URL);
  expect(await response!.text()).toContain(`${format(initial)}</span>`);
  await expect(viewsText(page)).toHaveText(format(initial + 1));
  expect(await getViews(E2E_BASE_URL, ID)).toBe(initial + 1);
});

test('a reload or going back within 30 minutes counts nothing more; a new browser profile counts again', async ({ page, browser }) => {
  const posts = countPosts(page);
  await page.goto(SEED_URL);
  await expect.poll(() => posts.length).toBe(1);
  const afterFirst = await getViews(E2E_BASE_URL, ID);
  await expect(viewsText(page)).toHaveText(format(afterFirst));

  await page.reload();
  await expect(viewsText(page)).toHaveText(format(afterFirst));
  await page.goto('/');
  await page.goBack();
  await expect(viewsText(page)).toHaveText(format(afterFirst));
  expect(posts).toHaveLength(1);
  expect(await getViews(E2E_BASE_URL, ID)).toBe(afterFirst);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(SEED_URL);
  await expect(viewsText(otherPage)).toHaveText(format(afterFirst + 1));
  await other.close();
});

test('with storage unavailable the view is still counted', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const before = await getViews(E2E_BASE_URL, ID);
  await page.goto(SEED_URL);
  await expect(viewsText(page)).toHaveText(format(before + 1));
});

test('a page served from an old cache still shows the fresh count after it loads', async ({ page, request }) => {
  const staleHtml = await (await request.get(SEED_URL)).text();
  const stale = await getViews(E2E_BASE_URL, ID);
  for (let i = 0; i < 5; i++) await post(`${E2E_BASE_URL}/api/articles/${ID}/views`); // readers elsewhere
  await page.route(`**${SEED_URL}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: staleHtml }));
  await page.goto(SEED_URL);
  await expect(viewsText(page)).toHaveText(format(stale + 6));
});

test('a crawler (Googlebot) is not counted', async ({ browser }) => {
  const before = await getViews(E2E_BASE_URL, ID);
  const crawler = await browser.newContext({
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
  const page = await crawler.newPage();
  await page.goto(SEED_URL);
  await expect(viewsText(page)).toHaveText(format(before));
  const answer = await post(`${E2E_BASE_URL}/api/articles/${ID}/views`, {
    headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
  });
  expect(answer).toEqual({ status: 200, body: { id: ID, views: before, counted: false } });
  expect(await getViews(E2E_BASE_URL, ID)).toBe(before);
  await crawler.close();
});

test('the count is announced once: it is not a live region', async ({ page }) => {
  await page.goto(SEED_URL);
  const counter = viewsText(page);
  await expect(counter).not.toHaveAttribute('aria-live', /.*/);
  expect(await counter.evaluate((el) => el.closest('[aria-live]'))).toBeNull();
});
