import { expect, test, type Page } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { markViewed } from './helpers/views';

// A phone, a tablet and a desktop width: nothing scrolls sideways, no image outgrows its box or the screen, and
// every target a finger or a pointer aims at is at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8).

const PAGES = [
  { name: 'home', url: '/' },
  { name: 'category', url: '/news/17' },
  { name: 'keyword', url: '/tu-khoa/hoi-nghi-tong-ket' },
  { name: 'seed article', url: fixture.article.url },
  { name: 'search with results', url: '/tim-kiem?q=hoi+nghi' },
] as const;

const WIDTHS = [360, 768, 1280] as const;
const MIN_TARGET = 24;

test.beforeEach(({ page }) => markViewed(page, fixture.article.id));

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole('group', { name: 'Tùy chỉnh hiển thị' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

/** Targets smaller than 24 by 24, each described by tag, class, text and size. */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const describe = (el: Element, rect: DOMRect) => {
      const classes = el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('href') ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const parent = el.parentElement ? `${el.parentElement.tagName.toLowerCase()}${el.parentElement.className ? `.${String(el.parentElement.className).split(/\s+/).join('.')}` : ''} > ` : '';
      return `${parent}${el.tagName.toLowerCase()}${classes} “${label}”: ${rect.width.toFixed(1)} x ${rect.height.toFixed(1)}`;
    };
    const small: string[] = [];
    for (const el of document.querySelectorAll('a, button, input, summary, [role="button"]')) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // WCAG 2.5.8's inline exception: a link in running text, whose size the line height of the text sets.
      if (el.matches('.article-body :is(p, figcaption, li) a')) continue;
      if (rect.width < min - 0.01 || rect.height < min - 0.01) small.push(describe(el, rect));
    }
    return small;
  }, min);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const { name, url } of PAGES) {
      test(`${name} (${url}): no sideways scrolling, images within their box, targets at least 24 x 24`, async ({ page }) => {
        await open(page, url);

        const scroll = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scroll.scrollWidth, 'document scrolls sideways').toBeLessThanOrEqual(scroll.clientWidth);

        const images = await page.locator('img').evaluateAll((imgs: HTMLImageElement[]) =>
          imgs
            .filter((img) => img.checkVisibility())
            .map((img) => {
              let box = img.parentElement!;
              while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
              const r = img.getBoundingClientRect();
              const b = box.getBoundingClientRect();
              return {
                src: (img.currentSrc || img.src).slice(-80),
                img: { left: r.left, right: r.right, width: r.width },
                box: { left: b.left, right: b.right, width: b.width },
                viewport: document.documentElement.clientWidth,
              };
            }),
        );
        expect(images.length).toBeGreaterThan(0);
        for (const { src, img, box, viewport } of images) {
          expect(img.width, `${src} wider than its box`).toBeLessThanOrEqual(box.width + 0.5);
          expect(img.left, `${src} sticks out of its box on the left`).toBeGreaterThanOrEqual(box.left - 0.5);
          expect(img.right, `${src} sticks out of its box on the right`).toBeLessThanOrEqual(box.right + 0.5);
          expect(img.left, `${src} starts left of the screen`).toBeGreaterThanOrEqual(-0.5);
          expect(img.right, `${src} ends right of the screen`).toBeLessThanOrEqual(viewport + 0.5);
        }

        expect(await smallTargets(page, MIN_TARGET), `targets under ${MIN_TARGET} x ${MIN_TARGET} CSS px`).toEqual([]);

        // On a phone the category menu is behind its button: its links are targets too once it is open.
        const toggle = page.locator('.category-nav summary');
        if (await toggle.isVisible()) {
          await toggle.click();
          await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link').first()).toBeVisible();
          expect(await smallTargets(page, MIN_TARGET), `targets under ${MIN_TARGET} x ${MIN_TARGET} CSS px, menu open`).toEqual([]);
        }
      });
    }
  });
}
