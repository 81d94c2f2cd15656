import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { markViewed } from './helpers/views';

const SEED_URL = fixture.article.url;
const seed = fixture.article;

test.beforeEach(({ page }) => markViewed(page, seed.id));

/** The article's absolute canonical URL, as the share links and the printed source line carry it. */
function canonicalUrl(baseURL: string | undefined): string {
  return new URL(SEED_URL, baseURL).href;
}

const shareNav = (page: Page) => page.getByRole('navigation', { name: 'Chia sẻ bài viết' });
const copyButton = (page: Page) => shareNav(page).getByRole('button', { name: 'Sao chép liên kết' });
const printButton = (page: Page) => shareNav(page).getByRole('button', { name: 'In bài viết' });
const confirmation = (page: Page) => shareNav(page).getByRole('status');

test.describe('sharing the seed article', () => {
  test('the Facebook and Zalo links carry the article’s encoded absolute canonical URL and open a new tab', async ({ page, baseURL }) => {
    const canonical = canonicalUrl(baseURL);
    await page.goto(SEED_URL);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);

    const facebook = shareNav(page).getByRole('link', { name: 'Chia sẻ lên Facebook' });
    await expect(facebook).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`);
    const zalo = shareNav(page).getByRole('link', { name: 'Chia sẻ qua Zalo' });
    await expect(zalo).toHaveAttribute('href', `https://sp.zalo.me/share_to_zalo?url=${encodeURIComponent(canonical)}`);
    for (const link of [facebook, zalo]) {
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  test('with JavaScript off, the two share links are there and no button that needs JavaScript is shown', async ({ browser, baseURL }) => {
    const canonical = canonicalUrl(baseURL);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SEED_URL);
    const nav = shareNav(page);
    await expect(nav.getByRole('link')).toHaveCount(2);
    await expect(nav.getByRole('link', { name: 'Chia sẻ lên Facebook' })).toHaveAttribute('href', new RegExp(`u=${encodeURIComponent(canonical)}$`));
    await expect(nav.getByRole('link', { name: 'Chia sẻ qua Zalo' })).toBeVisible();
    await expect(nav.getByRole('button')).toHaveCount(0);
    await expect(page.getByText('Sao chép liên kết')).toHaveCount(0);
    await expect(page.getByText('In bài viết')).toHaveCount(0);
    await context.close();
  });

  test('“Sao chép liên kết” puts the URL on the clipboard and confirms it for a few seconds', async ({ page, context, baseURL }) => {
    const canonical = canonicalUrl(baseURL);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(canonical).origin });
    await page.goto(SEED_URL);
    await expect(confirmation(page)).toBeEmpty();
    await copyButton(page).click();
    await expect(confirmation(page)).toHaveText('Đã sao chép liên kết');
    await expect(confirmation(page)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
    await expect(confirmation(page)).toBeEmpty({ timeout: 10_000 });
  });

  for (const [why, stub] of [
    ['missing', () => Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: undefined })],
    [
      'refusing',
      () => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
      },
    ],
  ] as const) {
    test(`with the Clipboard API ${why}, the URL is selected in a text box to copy by hand`, async ({ page, baseURL }) => {
      const canonical = canonicalUrl(baseURL);
      await page.addInitScript(stub);
      await page.goto(SEED_URL);
      await copyButton(page).click();
      await expect(confirmation(page)).toContainText('sao chép bằng tay');
      const box = shareNav(page).getByRole('textbox', { name: 'Liên kết bài viết' });
      await expect(box).toBeVisible();
      await expect(box).toHaveValue(canonical);
      await expect(box).toHaveAttribute('readonly', '');
      await expect(box).toBeFocused();
      const selection = await box.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]);
      expect(selection).toEqual([0, canonical.length]);
    });
  }

  test('“In bài viết” opens the browser’s print dialog', async ({ page }) => {
    await page.addInitScript(() => {
      let calls = 0;
      window.printCalls = calls;
      window.print = () => {
        window.printCalls = ++calls;
      };
    });
    await page.goto(SEED_URL);
    await printButton(page).click();
    await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);
  });

  test('“Chia sẻ…” appears only where the Web Share API exists, and shares the title and URL', async ({ page, context, baseURL }) => {
    const canonical = canonicalUrl(baseURL);
    await page.goto(SEED_URL);
    await expect(copyButton(page)).toBeVisible();
    const supported = await page.evaluate(() => typeof navigator.share === 'function');
    await expect(shareNav(page).getByRole('button', { name: 'Chia sẻ…' })).toHaveCount(supported ? 1 : 0);

    const withShare = await context.newPage();
    await withShare.addInitScript(() => {
      const shared: ShareData[] = [];
      window.shared = shared;
      Object.defineProperty(window.navigator, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          shared.push(data);
        },
      });
    });
    await withShare.goto(SEED_URL);
    await shareNav(withShare).getByRole('button', { name: 'Chia sẻ…' }).click();
    await expect
      .poll(() => withShare.evaluate(() => window.shared))
      .toEqual([{ title: seed.title, url: canonical }]);
  });

  test('the keyboard reaches the share links and buttons with Tab and works them with Enter', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(canonicalUrl(baseURL)).origin });
    await page.goto(SEED_URL);
    await expect(copyButton(page)).toBeVisible();
    const reached: string[] = [];
    for (let i = 0; i < 100 && !(await copyButton(page).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    await expect(copyButton(page)).toBeFocused();
    expect(reached.indexOf('Chia sẻ lên Facebook (mở trong thẻ mới)')).toBeGreaterThanOrEqual(0);
    expect(reached.indexOf('Chia sẻ qua Zalo (mở trong thẻ mới)')).toBeGreaterThan(reached.indexOf('Chia sẻ lên Facebook (mở trong thẻ mới)'));
    expect(await copyButton(page).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    await page.keyboard.press('Enter');
    await expect(confirmation(page)).toHaveText('Đã sao chép liên kết');

    const hasWebShare = await page.evaluate(() => typeof navigator.share === 'function');
    await page.keyboard.press('Tab');
    if (hasWebShare) await page.keyboard.press('Tab');
    await expect(printButton(page)).toBeFocused();
  });

  test('every share control is at least 44 by 44 CSS pixels @mobile', async ({ page }) => {
    await page.goto(SEED_URL);
    await expect(copyButton(page)).toBeVisible();
    const controls = shareNav(page).locator('a, button');
    expect(await controls.count()).toBeGreaterThanOrEqual(4);
    for (const control of await controls.all()) {
      const box = (await control.boundingBox())!;
      expect(box.width, await control.textContent() ?? '').toBeGreaterThanOrEqual(44);
      expect(box.height, await control.textContent() ?? '').toBeGreaterThanOrEqual(44);
    }
  });

  test('loading the page and its share controls asks no host but this site', async ({ page, baseURL }) => {
    const ownHost = new URL(canonicalUrl(baseURL)).host;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== ownHost) foreign.push(request.url());
    });
    await page.goto(SEED_URL, { waitUntil: 'networkidle' });
    await expect(copyButton(page)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(page.frames()).toHaveLength(1);
  });
});

test.describe('printing the seed article', () => {
  test('prints the article and its source URL without navigation, sharing or related news', async ({ page, baseURL }) => {
    const canonical = canonicalUrl(baseURL);
    await page.goto(SEED_URL);
    await expect(copyButton(page)).toBeVisible();
    const printUrl = page.locator('.print-url');
    await expect(printUrl).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    await expect(printUrl).toBeVisible();
    await expect(printUrl).toHaveText(`Nguồn: ${canonical}`);
    await expect(page.locator('.related-news')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeHidden();
    await expect(page.getByRole('banner').getByRole('search')).toBeHidden();
    await expect(page.getByRole('banner').locator('summary')).toHaveCount(3);
    for (const button of await page.getByRole('banner').locator('summary, button').all()) await expect(button).toBeHidden();
    await expect(shareNav(page)).toBeHidden();
    await expect(page.locator('.skip-link')).toBeHidden();

    await expect(page.getByRole('banner').getByText('Đài Phát thanh và Truyền hình Thái Bình', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.article__meta time')).toBeVisible();
    await expect(page.getByText(seed.sapo, { exact: true })).toBeVisible();
    await expect(page.locator('.article-body figcaption').first()).toBeVisible();
    await expect(page.getByText(seed.author, { exact: true })).toBeVisible();
    await expect(page.locator('.article-keywords')).toBeVisible();

    const colours = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        title: style('h1').color,
        header: style('.site-header').backgroundColor,
        footer: style('.site-footer').backgroundColor,
        sapo: style('.article__sapo').backgroundColor,
      };
    });
    expect(colours).toEqual({ title: 'rgb(0, 0, 0)', header: 'rgba(0, 0, 0, 0)', footer: 'rgba(0, 0, 0, 0)', sapo: 'rgba(0, 0, 0, 0)' });
  });

  test('prints the address of absolute links in the article text, and only those', async ({ page }) => {
    await page.goto(SEED_URL);
    await expect(copyButton(page)).toBeVisible(); // hydrated: React will not touch the links added below
    // The seed article has no links in its text: add one to another site and one within this site.
    await page.locator('.article-body p').first().evaluate((paragraph) => {
      for (const href of ['https://thaibinh.gov.vn/', '/tu-khoa/van-phong-ubnd-tinh']) {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = 'liên kết';
        paragraph.append(' ', link);
      }
    });
    // Selected by href: in print the generated address becomes part of the link's accessible name.
    const after = (href: string) =>
      page.locator(`.article-body a[href="${href}"]`).evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await after('https://thaibinh.gov.vn/')).toBe('none');
    await page.emulateMedia({ media: 'print' });
    expect(await after('https://thaibinh.gov.vn/')).toBe('" (https://thaibinh.gov.vn/)"');
    expect(await after('/tu-khoa/van-phong-ubnd-tinh')).toBe('none');
  });
});
