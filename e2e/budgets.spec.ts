import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { gzipSize, KB, scriptWeights, scrollToEnd, weightTable } from './helpers/page-weight';
import { markViewed } from './helpers/views';

// Issue #6. How and why: docs/decisions/0010-page-weight-budget.md.
const HTML_BUDGET = 60 * KB;
// The issue asks for 120 KB. Next 16.4.6's App Router alone (React DOM and its client router, on a page that
// says "Hello") loads 131.8 KB gzipped, so no page of this stack can meet it. The budget enforced is the
// floor plus what the portal's own code needs (the view counter's TanStack Query, reader controls, share
// buttons: about 12 KB), with little room to grow; the decision record has the figures.
const JS_BUDGET = 150 * KB;

const SEED_URL = fixture.article.url;
const PAGES = [
  ['the seed article', SEED_URL],
  ['the home page', '/'],
  ['a category page', '/news/17'],
] as const;

test.beforeEach(({ page }) => markViewed(page, fixture.article.id));

for (const [name, path] of PAGES) {
  test(`${name} is at most 60 KB of HTML, gzipped`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.body();
    const size = gzipSize(html);
    console.log(`${path}: HTML ${html.length} bytes, ${size} gzipped (budget ${HTML_BUDGET})`);
    expect(size, `${path}: gzipped HTML`).toBeLessThanOrEqual(HTML_BUDGET);
  });
}

test('the seed article loads at most 150 KB of JavaScript, gzipped, in a browser that runs modules', async ({ page, request, baseURL }) => {
  const scripts = await scriptWeights({ page, request, path: SEED_URL, base: baseURL! });
  const table = weightTable(scripts);
  console.log(`JavaScript of ${SEED_URL}:\n${table}`);
  test.info().attach('scripts', { body: table, contentType: 'text/plain' });

  // Both ways of looking found the page's scripts: a budget met by measuring nothing would mean nothing.
  expect(scripts.filter((s) => s.inHtml && !s.nomodule).length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.loaded).length).toBeGreaterThan(0);
  // Chromium runs modules, so it must skip what is marked nomodule: that is why those scripts are not counted.
  expect(scripts.filter((s) => s.nomodule && s.loaded)).toEqual([]);

  const total = scripts.filter((s) => !s.nomodule).reduce((sum, s) => sum + s.gzip, 0);
  expect(total, `gzipped JavaScript over the ${JS_BUDGET}-byte budget:\n${table}`).toBeLessThanOrEqual(JS_BUDGET);
});

/** Reads the page as a reader would: scrolls to the end, changes text size and contrast, looks at it printed. */
async function readAndAdjust(page: Page): Promise<void> {
  await scrollToEnd(page);
  const controls = page.getByRole('group', { name: 'Tùy chỉnh hiển thị' });
  for (const name of ['A+ Tăng cỡ chữ', 'A- Giảm cỡ chữ', 'Tương phản cao', 'Tương phản cao', 'A Cỡ chữ mặc định']) {
    await controls.getByRole('button', { name, exact: true }).click();
  }
  await page.emulateMedia({ media: 'print' });
  await page.waitForLoadState('networkidle');
  await page.emulateMedia({ media: 'screen' });
}

/** Copy link (copied, or the manual copy box if the clipboard refuses: the status says which) and print. */
async function useShareControls(page: Page): Promise<void> {
  const share = page.getByRole('navigation', { name: 'Chia sẻ bài viết' });
  await share.getByRole('button', { name: 'Sao chép liên kết' }).click();
  await expect(share.getByRole('status')).not.toBeEmpty();
  await share.getByRole('button', { name: 'In bài viết' }).click();
  await page.waitForLoadState('networkidle');
}

/** On a phone: opens the category menu and follows a category link. */
async function useMenu(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
  await menu.locator('summary').click();
  await menu.getByRole('link', { name: 'Kinh tế' }).click();
  await expect(page).toHaveURL(/\/news\/18$/);
  await page.waitForLoadState('networkidle');
  await scrollToEnd(page);
  await page.waitForLoadState('networkidle');
}

for (const [name, path] of PAGES) {
  test(`${name} asks no host but this site, while loading, scrolling and using its controls`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const requested: string[] = [];
    // On the context, so a popup, a worker or a second page would be seen too.
    page.context().on('request', (request) => requested.push(request.url()));

    await page.goto(path, { waitUntil: 'networkidle' });
    await readAndAdjust(page);
    if (path === SEED_URL) await useShareControls(page);
    await useMenu(page);

    console.log(`${path}: ${requested.length} requests`);
    expect(requested.length).toBeGreaterThan(5);
    // data: and blob: URLs are made by the page itself and go to no host.
    const elsewhere = requested.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(page.frames()).toHaveLength(1);
  });
}
