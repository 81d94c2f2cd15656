import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CONTRAST_ATTRIBUTE, CONTRAST_KEY, HIGH_CONTRAST } from '../components/reader/reader-settings';
import fixture from './fixtures/seed-article.json';
import { labelNotInName } from './helpers/label-in-name';
import { unstyledTextRuns } from './helpers/text-runs';
import { markViewed } from './helpers/views';

// WCAG 2.1 A and AA, as axe checks them, on every page type, in the normal and the high-contrast mode, and on a
// phone with each panel of the header open; then what axe cannot judge alone: the heading outline, images' alt
// texts, links' names, visible labels in controls' names, and text that runs together without the styles.

const PAGES = [
  { name: 'home', url: '/', status: 200 },
  { name: 'category', url: '/news/17', status: 200 },
  { name: 'keyword', url: '/tu-khoa/hoi-nghi-tong-ket', status: 200 },
  { name: 'author', url: '/tac-gia/cao-bien', status: 200 },
  { name: 'seed article', url: fixture.article.url, status: 200 },
  { name: 'search with results', url: '/tim-kiem?q=hoi+nghi', status: 200 },
  { name: 'search without results', url: '/tim-kiem?q=xyzzyqwv', status: 200 },
  { name: '404', url: '/news/17/99999/khong-co', status: 404 },
  { name: '404 of an address no route matches', url: '/khong-co-trang-nay', status: 404 },
] as const;

/** The header's buttons on a phone, each opening its panel: search, reader controls ("Aa"), categories. */
const HEADER_TOGGLES = ['Tìm kiếm', 'Aa', 'Chuyên mục'] as const;
const headerToggle = (page: Page, name: string) => page.getByRole('banner').locator('summary').filter({ hasText: name });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.beforeEach(({ page }) => markViewed(page, fixture.article.id));

/** Opens a page and waits until it has hydrated (the reader controls appear then) and gone quiet. */
async function open(page: Page, url: string, status: number): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  // Attached rather than visible: on a phone the controls are in the header's closed "Aa" panel.
  await expect(page.getByRole('group', { name: 'Tùy chỉnh hiển thị', includeHidden: true })).toBeAttached();
  await page.waitForLoadState('networkidle');
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} axe violation(s) on ${url}:`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} [${violation.impact ?? 'no impact'}]: ${violation.help} (${violation.helpUrl})`);
    for (const node of violation.nodes) {
      lines.push(`    at ${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' | ')}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((line) => `       ${line.trim()}`));
    }
  }
  return lines.join('\n');
}

for (const mode of ['normal', 'high contrast'] as const) {
  test.describe(`axe, WCAG 2.1 AA, ${mode} mode`, () => {
    if (mode === 'high contrast') {
      test.beforeEach(({ page }) =>
        page.addInitScript(([key, value]) => window.localStorage.setItem(key!, value!), [CONTRAST_KEY, HIGH_CONTRAST]),
      );
    }

    for (const { name, url, status } of PAGES) {
      test(`${name} (${url}) has no violations`, async ({ page }) => {
        await open(page, url, status);
        const html = page.locator('html');
        if (mode === 'high contrast') await expect(html).toHaveAttribute(CONTRAST_ATTRIBUTE, HIGH_CONTRAST);
        else await expect(html).not.toHaveAttribute(CONTRAST_ATTRIBUTE);

        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations, describeViolations(url, results.violations)).toEqual([]);
      });
    }
  });
}

test.describe('axe, WCAG 2.1 AA, on a phone (360 px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const { name, url, status } of PAGES.filter((p) => ['home', 'seed article'].includes(p.name))) {
    test(`${name} (${url}) has no violations, with the header closed and with each of its panels open`, async ({ page }) => {
      await open(page, url, status);
      for (const panel of [null, ...HEADER_TOGGLES]) {
        if (panel) {
          await headerToggle(page, panel).click();
          await expect(headerToggle(page, panel).locator('..')).toHaveAttribute('open', '');
        }
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations, `${panel ?? 'closed'}: ${describeViolations(url, results.violations)}`).toEqual([]);
      }
    });
  }
});

test.describe('structure axe does not fully check', () => {
  for (const { name, url, status } of PAGES) {
    test(`${name} (${url}): one h1, and no heading level skipped going down`, async ({ page }) => {
      await open(page, url, status);
      const headings = await page.evaluate(() =>
        Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))
          // Headings in a hidden subtree are not in the outline a screen reader gives.
          .filter((h) => h.checkVisibility() && !h.closest('[aria-hidden="true"]'))
          .map((h) => ({
            level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)),
            text: (h.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
          })),
      );
      const outline = headings.map((h) => `${'  '.repeat(h.level - 1)}h${h.level} ${h.text}`).join('\n');
      expect(headings.filter((h) => h.level === 1), `exactly one h1:\n${outline}`).toHaveLength(1);
      let previous = 0;
      for (const heading of headings) {
        expect(heading.level, `h${heading.level} “${heading.text}” follows h${previous}:\n${outline}`).toBeLessThanOrEqual(previous + 1);
        previous = heading.level;
      }
    });

    test(`${name} (${url}): every image has an alt attribute, and no alt text is a file name`, async ({ page }) => {
      await open(page, url, status);
      const images = await page.locator('img').evaluateAll((imgs) =>
        imgs.map((img) => {
          const src = img.getAttribute('src') ?? '';
          // Next's optimiser wraps the file's path: /_next/image?url=%2Fmedia%2Fx.jpg&w=...
          const path = src.startsWith('/_next/image') ? (new URL(src, location.href).searchParams.get('url') ?? src) : src;
          return { src: path, alt: img.getAttribute('alt') };
        }),
      );
      expect(images.length).toBeGreaterThan(0);
      for (const { src, alt } of images) {
        expect(alt, `alt attribute of ${src}`).not.toBeNull();
        if (!alt) continue;
        const file = decodeURIComponent(src.split('/').pop() ?? '');
        const stem = file.replace(/\.[a-z0-9]+$/i, '');
        expect(alt, `alt of ${src}`).not.toMatch(/^[^\s]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i);
        expect(alt.trim().toLowerCase(), `alt of ${src}`).not.toBe(file.toLowerCase());
        expect(alt.trim().toLowerCase(), `alt of ${src}`).not.toBe(stem.toLowerCase());
        expect(alt, `alt of ${src}`).not.toMatch(/^(?:IMG|DSC|DSCN|PXL|Screenshot)[_-]?\d/i);
      }
    });

    test(`${name} (${url}): every control’s name contains the words it shows (WCAG 2.5.3), wide and on a phone with each panel open`, async ({
      page,
    }) => {
      await open(page, url, status);
      expect.soft(await labelNotInName(page), `labels not in the names on ${url} at 1280 px`).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      const failures = await labelNotInName(page);
      for (const panel of HEADER_TOGGLES) {
        await headerToggle(page, panel).click();
        failures.push(...(await labelNotInName(page)));
      }
      expect([...new Set(failures)], `labels not in the names on ${url} at 360 px`).toEqual([]);
    });

    test(`${name} (${url}): the server’s HTML, read without styles (a text browser, a copy), keeps words apart`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      expect((await page.goto(url))?.status(), url).toBe(status);
      expect(await unstyledTextRuns(page), `words running together on ${url}`).toEqual([]);
      await context.close();
    });

    test(`${name} (${url}): every link has a non-empty accessible name`, async ({ page }) => {
      await open(page, url, status);
      // The accessibility tree as Playwright reads it: `- link "name"`, or `- link` with no name.
      const snapshot = await page.locator('body').ariaSnapshot();
      const lines = snapshot.split('\n');
      let links = 0;
      const unnamed: string[] = [];
      lines.forEach((line, index) => {
        const match = /^(\s*)- link(?: "((?:[^"\\]|\\.)*)")?(?=:|$| \[)/.exec(line);
        if (!match) return;
        links++;
        if ((match[2] ?? '').trim()) return;
        const url = lines.slice(index + 1, index + 4).find((l) => l.includes('/url:'));
        unnamed.push(`${line.trim()} ${url?.trim() ?? ''}`);
      });
      expect(links).toBeGreaterThan(0);
      // Cross-check the parse against the DOM: every link shown and not hidden from assistive technology (as the
      // cards' duplicate photo links are) is in the snapshot.
      const shown = await page
        .locator('a[href]')
        .evaluateAll((as) => as.filter((a) => a.checkVisibility() && !a.closest('[aria-hidden="true"]')).length);
      expect(links).toBeGreaterThanOrEqual(shown);
      expect(unnamed, `links without a name on ${url}`).toEqual([]);
    });
  }
});
