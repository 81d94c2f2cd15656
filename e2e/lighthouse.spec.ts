import { expect, test } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import fixture from './fixtures/seed-article.json';
import { E2E_BASE_URL, getViews } from './helpers/servers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './helpers/chromium';
import { categoryScore, failingAudits, LIGHTHOUSE_USER_AGENT as USER_AGENT } from './helpers/lighthouse.mjs';

// Lighthouse's accessibility, best practices and SEO scores must each be 100 on the home page and the seed
// article: one Lighthouse run per page scores all three. Performance is not scored here (it moves with the
// machine's load): `npm run check:lighthouse` measures it. Lighthouse drives Debian's Chromium itself, with
// the user agent of e2e/helpers/lighthouse.mjs, which the view counter takes for a bot.

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'seed article', path: fixture.article.url },
] as const;

test.describe.configure({ mode: 'serial' });

for (const { name, path } of PAGES) {
  test(`Lighthouse: accessibility, best practices and SEO 100 on the ${name}`, async () => {
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
        onlyCategories: [...CATEGORIES],
        emulatedUserAgent: USER_AGENT,
      });
      expect(result, 'Lighthouse returned no result').toBeTruthy();
      const { lhr } = result!;
      expect(lhr.runtimeError, JSON.stringify(lhr.runtimeError)).toBeUndefined();

      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, categoryScore(lhr, id)]));
      const summary = `Lighthouse ${lhr.lighthouseVersion} on ${path}: accessibility ${scores.accessibility}, best practices ${scores['best-practices']}, SEO ${scores.seo}`;
      console.log(summary);
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
      // Every category is checked before the test fails, so one run reports everything that is wrong.
      for (const category of CATEGORIES) {
        expect
          .soft(scores[category], `${summary}\n${category} audits that cost points:\n  ${failingAudits(lhr, category).join('\n  ')}`)
          .toBe(100);
      }
    } finally {
      await chrome?.kill();
    }

    // Lighthouse loaded the page with JavaScript: its view report must not have counted.
    expect(await getViews(E2E_BASE_URL, fixture.article.id), 'Lighthouse’s visit counted a view of the seed article').toBe(viewsBefore);
  });
}
