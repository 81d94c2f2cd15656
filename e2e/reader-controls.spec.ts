import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { markViewed } from './helpers/views';

const SEED_URL = fixture.article.url;

test.beforeEach(({ page }) => markViewed(page, fixture.article.id));

const controls = (page: Page) => page.getByRole('group', { name: 'Tùy chỉnh hiển thị' });
/** The controls, shown or not (on a phone they are in the header's closed "Aa" panel): there once hydrated. */
const hydrated = (page: Page) => page.getByRole('group', { name: 'Tùy chỉnh hiển thị', includeHidden: true });
const smaller = (page: Page) => controls(page).getByRole('button', { name: 'Giảm cỡ chữ' });
const defaultSize = (page: Page) => controls(page).getByRole('button', { name: 'Cỡ chữ mặc định' });
const larger = (page: Page) => controls(page).getByRole('button', { name: 'Tăng cỡ chữ' });
const highContrast = (page: Page) => controls(page).getByRole('button', { name: 'Tương phản cao' });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Chuyên mục' });
const html = (page: Page) => page.locator('html');

const fontSize = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Text colour against the colour behind it (backgrounds of the ancestors blended, opacity included), WCAG. */
async function contrastRatios(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return page.evaluate((list) => {
    const rgba = (colour: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return { rgb: [r, g, b], a };
    };
    const over = (top: number[], alpha: number, bottom: number[]) => top.map((c, i) => c * alpha + bottom[i]! * (1 - alpha));
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const result: Record<string, number> = {};
    for (const selector of list) {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No element for ${selector}`);
      const layers: Array<{ rgb: number[]; a: number }> = [];
      let opacity = 1;
      for (let e: Element | null = element; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
        const layer = rgba(getComputedStyle(e).backgroundColor);
        if (layer.a > 0) layers.push(layer);
        if (layer.a === 1) break;
      }
      const background = layers.reverse().reduce((under, layer) => over(layer.rgb, layer.a, under), [255, 255, 255]);
      const text = rgba(getComputedStyle(element).color);
      const foreground = over(text.rgb, text.a * opacity, background);
      const [light, dark] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
      result[selector] = Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100;
    }
    return result;
  }, selectors);
}

test.describe('reader controls', () => {
  test('A+ twice enlarges the article text, and the size stays across pages, reloads and visits', async ({ page, context }) => {
    await page.goto(SEED_URL);
    const before = await fontSize(page, '.article-body p');
    await larger(page).click();
    await larger(page).click();
    await expect(html(page)).toHaveAttribute('data-co-chu', '4');
    expect(await fontSize(page, '.article-body p')).toBeCloseTo(before * 1.25, 1);

    await menu(page).getByRole('link', { name: 'Chính trị' }).click();
    await expect(page).toHaveURL(/\/news\/17$/);
    await expect(html(page)).toHaveAttribute('data-co-chu', '4');
    expect(await fontSize(page, 'html')).toBe(20);

    await page.goto('/');
    await expect(html(page)).toHaveAttribute('data-co-chu', '4');
    await page.reload();
    await expect(html(page)).toHaveAttribute('data-co-chu', '4');

    const later = await context.newPage();
    await later.goto(SEED_URL);
    expect(await fontSize(later, '.article-body p')).toBeCloseTo(before * 1.25, 1);
    await expect(larger(later)).toBeVisible();
    await expect(defaultSize(later)).toHaveAttribute('aria-pressed', 'false');
  });

  test('stored settings are on the page before it is drawn: set by the script in <head>, without the app’s JavaScript', async ({ page }) => {
    await page.goto(SEED_URL);
    await larger(page).click();
    await highContrast(page).click();
    await expect(html(page)).toHaveAttribute('data-tuong-phan', 'cao');

    // No bundle, no hydration: whatever is on <html> now came from the HTML itself, ahead of the body.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    const response = await page.goto('/', { waitUntil: 'domcontentloaded' });
    const served = await response!.text();
    expect(served.indexOf('hien-thi:co-chu')).toBeGreaterThan(served.indexOf('<head>'));
    expect(served.indexOf('hien-thi:co-chu')).toBeLessThan(served.indexOf('</head>'));
    const state = await page.evaluate(() => ({
      size: document.documentElement.dataset.coChu,
      contrast: document.documentElement.dataset.tuongPhan,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      headerBackground: getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
    }));
    expect(state).toEqual({ size: '3', contrast: 'cao', rootFontSize: '18px', headerBackground: 'rgb(0, 0, 0)' });
    await expect(controls(page)).toHaveCount(0);
  });

  test('aria-pressed and the ends of the size scale follow the current settings', async ({ page }) => {
    await page.goto(SEED_URL);
    await expect(defaultSize(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(highContrast(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(smaller(page)).toBeEnabled();
    await expect(larger(page)).toBeEnabled();
    await expect(html(page)).not.toHaveAttribute('data-co-chu');

    await smaller(page).click();
    await expect(html(page)).toHaveAttribute('data-co-chu', '1');
    await expect(defaultSize(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(smaller(page)).toBeDisabled();
    // Disabled with aria-disabled, so a click still reaches it (Playwright would wait for it to be enabled).
    await smaller(page).click({ force: true });
    await expect(html(page)).toHaveAttribute('data-co-chu', '1');

    for (let i = 0; i < 4; i++) await larger(page).click();
    await expect(html(page)).toHaveAttribute('data-co-chu', '5');
    expect(await fontSize(page, 'html')).toBe(24);
    await expect(larger(page)).toBeDisabled();
    await larger(page).click({ force: true });
    await expect(html(page)).toHaveAttribute('data-co-chu', '5');
    await expect(larger(page)).toBeFocused();
    await expect(smaller(page)).toBeEnabled();

    await defaultSize(page).click();
    await expect(html(page)).not.toHaveAttribute('data-co-chu');
    await expect(defaultSize(page)).toHaveAttribute('aria-pressed', 'true');
    expect(await fontSize(page, 'html')).toBe(16);

    await highContrast(page).click();
    await expect(highContrast(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(html(page)).toHaveAttribute('data-tuong-phan', 'cao');
    await highContrast(page).click();
    await expect(highContrast(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(html(page)).not.toHaveAttribute('data-tuong-phan');
  });

  test('the keyboard shows the skip link, reaches the controls with Tab and works them with Enter and Space', async ({ page }) => {
    await page.goto(SEED_URL);
    await expect(highContrast(page)).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua để đến nội dung chính' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    for (let i = 0; i < 30 && !(await highContrast(page).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(highContrast(page)).toBeFocused();
    expect(await highContrast(page).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    await page.keyboard.press('Enter');
    await expect(highContrast(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(html(page)).toHaveAttribute('data-tuong-phan', 'cao');
    await expect(highContrast(page)).toBeFocused();
    expect(await highContrast(page).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Space');
    await expect(highContrast(page)).toHaveAttribute('aria-pressed', 'false');

    await page.keyboard.press('Shift+Tab');
    await expect(larger(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(html(page)).toHaveAttribute('data-co-chu', '3');
  });

  test('every control is at least 44 by 44 CSS pixels on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(SEED_URL);
    await expect(hydrated(page)).toBeAttached();
    // On a phone the controls are behind the header's "Aa" button.
    await page.getByRole('banner').locator('summary').filter({ hasText: 'Aa' }).click();
    await expect(highContrast(page)).toBeVisible();
    const targets = [...(await controls(page).getByRole('button').all()), ...(await page.getByRole('banner').locator('summary').all())];
    expect(targets).toHaveLength(7);
    for (const target of targets) {
      const box = (await target.boundingBox())!;
      expect(box.width, (await target.textContent()) ?? '').toBeGreaterThanOrEqual(44);
      expect(box.height, (await target.textContent()) ?? '').toBeGreaterThanOrEqual(44);
    }
  });

  for (const mode of ['normal', 'high contrast'] as const) {
    test(`text and controls reach 4.5:1 contrast in the ${mode} mode`, async ({ page }) => {
      await page.goto(SEED_URL);
      if (mode === 'high contrast') await highContrast(page).click();
      await expect(highContrast(page)).toHaveAttribute('aria-pressed', mode === 'normal' ? 'false' : 'true');
      const ratios = await contrastRatios(page, [
        '.skip-link',
        '.site-logo__name',
        '.site-logo__full',
        '.site-header__reader button:nth-of-type(1)',
        '.site-header__reader button[aria-pressed="true"]',
        '.category-nav__list a',
        '.breadcrumb a',
        'h1',
        '.article__meta',
        '.article__sapo',
        '.article-body p',
        '.article-figure figcaption',
        '.article__byline',
        '.article-keywords a',
        '.related-news .card__title a',
        '.related-news .card__meta',
        '.site-footer__name',
        '.site-footer address p',
      ]);
      for (const [selector, ratio] of Object.entries(ratios)) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    });
  }
});

test.describe('the category menu', () => {
  test('on a phone without JavaScript, no reader controls appear and the menu opens from its “Chuyên mục” button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(SEED_URL);
    await expect(controls(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /cỡ chữ|Tương phản/ })).toHaveCount(0);
    await expect(page.getByText('Tương phản cao')).toHaveCount(0);

    const politics = menu(page).getByRole('link', { name: 'Chính trị' });
    await expect(politics).toBeHidden();
    await menu(page).locator('summary').filter({ hasText: 'Chuyên mục' }).click();
    await expect(politics).toBeVisible();
    expect(await menu(page).getByRole('link').count()).toBeGreaterThanOrEqual(7);
    await politics.click();
    await expect(page).toHaveURL(/\/news\/17$/);
    await context.close();
  });

  test('on a wide screen, with or without JavaScript, the whole menu shows in a row and its button is hidden', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto('/');
      await expect(menu(page).locator('summary')).toBeHidden();
      const links = menu(page).getByRole('link');
      expect(await links.count()).toBeGreaterThanOrEqual(7);
      const tops = new Set<number>();
      for (const link of await links.all()) {
        await expect(link).toBeVisible();
        tops.add(Math.round((await link.boundingBox())!.y));
      }
      expect(tops.size, `one row (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`).toBe(1);
      await context.close();
    }
  });

  for (const width of [360, 768, 1280]) {
    test(`at ${width} px the header does not scroll sideways, at the default and the largest font size`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const step of [null, '5']) {
        for (const url of ['/', SEED_URL]) {
          await page.goto(url);
          if (step) {
            await page.evaluate((s) => localStorage.setItem('hien-thi:co-chu', s), step);
            await page.reload();
          }
          await expect(hydrated(page)).toBeAttached();
          const overflow = await page.evaluate(() =>
            [document.querySelector('.site-header')!, document.documentElement].map((el) => el.scrollWidth - el.clientWidth),
          );
          expect(overflow, `${url} at font step ${step ?? 'default'}`).toEqual([0, 0]);
        }
      }
    });
  }
});

test('on a phone, the category menu folds again after a category is chosen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
  await menu.locator('summary').click();
  await menu.getByRole('link', { name: 'Kinh tế' }).click();
  await expect(page).toHaveURL(/\/news\/18$/);
  await expect(menu.locator('details')).not.toHaveAttribute('open', /.*/);
  await expect(menu.getByRole('link', { name: 'Kinh tế' })).toBeHidden();
});
