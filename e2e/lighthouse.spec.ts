import { expect, test } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { userAgents } from 'lighthouse/core/config/constants.js';
import fixture from './fixtures/seed-article.json';
import { E2E_BASE_URL, getViews } from './helpers/servers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './helpers/chromium';

// Lighthouse's accessibility score must be 100 on the home page and the seed article; best practices and SEO
// are recorded (annotations and the console), not asserted yet. Lighthouse drives Debian's Chromium itself.

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/**
 * Lighthouse 12 sends a plain phone Chrome user agent, which isbot takes for a reader: the seed article's view
 * counter would count Lighthouse's visit, and the views project expects the seed's count untouched. Older
 * Lighthouse versions ended their user agent with "Chrome-Lighthouse", which isbot knows as a bot; this puts
 * it back, so the counter answers `counted: false` as it does for any crawler.
 */
const USER_AGENT = `${userAgents.mobile} Chrome-Lighthouse`;

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'seed article', path: fixture.article.url },
] as const;

test.describe.configure({ mode: 'serial' });

for (const { name, path } of PAGES) {
  test(`Lighthouse: accessibility 100 on the ${name}`, async () => {
    test.setTimeout(180_000);
    const url = `${E2E_BASE_URL}${path}`;
    const viewsBefore = await getViews(E2E_BASE_URL, fixture.article.id);

    let chrome: LaunchedChrome | undefined;
    try {
      chrome = await launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'best-practices', 'seo'],
        emulatedUserAgent: USER_AGENT,
      });
      expect(result, 'Lighthouse returned no result').toBeTruthy();
      const { lhr } = result!;
      expect(lhr.runtimeError, JSON.stringify(lhr.runtimeError)).toBeUndefined();

      const scores = Object.fromEntries(
        ['accessibility', 'best-practices', 'seo'].map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id]!.score! * 100)]),
      );
      const failing = (category: string) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => {
            const items = (audit.details as { items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined)?.items ?? [];
            const where = items.map((item) => item.node?.selector ?? item.node?.snippet).filter(Boolean).slice(0, 10);
            return `${audit.id} (score ${audit.score}): ${audit.title}${where.length ? `\n      ${where.join('\n      ')}` : ''}`;
          });
      const summary = `Lighthouse ${lhr.lighthouseVersion} on ${path}: accessibility ${scores.accessibility}, best practices ${scores['best-practices']}, SEO ${scores.seo}`;
      console.log(summary);
      for (const category of ['best-practices', 'seo']) {
        const below = failing(category);
        if (below.length) console.log(`  ${category} audits below 1:\n    ${below.join('\n    ')}`);
      }
      for (const [category, score] of Object.entries(scores)) {
        test.info().annotations.push({ type: `lighthouse ${category}`, description: `${path}: ${score}` });
      }
      expect(lhr.environment.networkUserAgent, 'the user agent Lighthouse sent').toBe(USER_AGENT);
      if (path === fixture.article.url) {
        // The page did report its view (so the unchanged count below means something): answered as a bot's.
        const posts = result!.artifacts.DevtoolsLog.filter(
          (entry) => entry.method === 'Network.requestWillBeSent' && entry.params.request.method === 'POST',
        ).map((entry) => (entry.method === 'Network.requestWillBeSent' ? entry.params.request.url : ''));
        expect(posts).toContain(`${E2E_BASE_URL}/api/articles/${fixture.article.id}/views`);
      }
      expect(scores.accessibility, `${summary}\nFailing accessibility audits:\n  ${failing('accessibility').join('\n  ')}`).toBe(100);
    } finally {
      await chrome?.kill();
    }

    // Lighthouse loaded the page with JavaScript: its view report must not have counted.
    expect(await getViews(E2E_BASE_URL, fixture.article.id), 'Lighthouse’s visit counted a view of the seed article').toBe(viewsBefore);
  });
}
