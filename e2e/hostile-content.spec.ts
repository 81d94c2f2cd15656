import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { importDocuments, runImport } from './helpers/content';
import { watchCspViolations } from './helpers/csp';

// An article whose every text field carries markup, script breakers, hostile links and HTML entities, imported
// as an editor would. Stored text is plain text (db/seed/CONTENT-FORMAT.md): the reader sees exactly what was
// typed, `&amp;` included, and nothing in it runs (docs/security.md).

// An existing category no other spec looks at: a new one would join the menu and the home page, which other
// specs measure. Dated before every demo article, the article stays off the home page too.
const CATEGORY = 29;
const ID = 70400;
const REFUSED_ID = 70401;
const WORD = 'kiemtraxss'; // one word no other article has, to search for

const SCRIPT = '<script>window.__pwned = "script"; alert(1)</script>';
const IMG = `<img src="https://evil.example/pixel.gif" onerror="window.__pwned = 'img'; alert(2)">`;
const END_SCRIPT = '</script><script>window.__pwned = "end"</script>';
const LINKS = `<a href="javascript:window.__pwned='js'">bấm</a> <a href="data:text/html,<script>alert(3)</script>">mở</a>`;
const ENTITIES = '&amp; &lt;b&gt;đậm&lt;/b&gt; &#60;script&#62; &quot; &nbsp;';
const BREAKERS = ']]> <!-- --> </title></style></textarea>';
const ALL = [SCRIPT, IMG, END_SCRIPT, LINKS, ENTITIES, BREAKERS].join(' ');
const HOSTILE_HREF = 'https://example.com/?q="><script>alert(4)</script>';

const article = {
  id: ID,
  categoryId: CATEGORY,
  title: `Tin ${WORD} ${SCRIPT} ${IMG} &amp; </title>`,
  sapo: `Sapo ${ALL}`,
  publishedAt: '2018-06-01T08:00:00+07:00',
  author: `${END_SCRIPT} ${ENTITIES}`,
  keywords: [SCRIPT, `${ENTITIES.slice(0, 40)}`],
  body: [
    { type: 'image', file: 'a60431-1.jpg', alt: `Ảnh ${IMG}`, caption: `Chú thích ${SCRIPT} ${ENTITIES}`, credit: `Ảnh: ${END_SCRIPT}` },
    { type: 'paragraph', text: `Đoạn ${ALL}` },
    { type: 'paragraph', spans: [{ text: 'Liên kết hợp lệ: ' }, { text: SCRIPT, href: HOSTILE_HREF, bold: true }] },
    { type: 'heading', text: `Mục ${IMG}` },
    { type: 'quote', text: `Trích ${END_SCRIPT}`, cite: ENTITIES },
    { type: 'list', items: [LINKS, BREAKERS] },
  ],
};
const TITLE = article.title;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  const output = importDocuments([{ name: `${ID}.json`, content: article }]);
  expect(output).toContain('1 imported, 0 failed');
});

type Watch = { dialogs: string[]; requests: string[]; violations: () => Promise<string[]> };

/** Records every dialog the page opens (and closes it), every request it makes, every CSP violation. */
async function watch(page: Page): Promise<Watch> {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  return { dialogs, requests, violations: await watchCspViolations(page) };
}

/** Lets every lazy photo and script run, then checks that nothing ran, asked elsewhere or broke the policy. */
async function expectNothingRan(page: Page, { dialogs, requests, violations }: Watch, origin: string) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(await page.locator('[onerror], [onclick], img[src*="evil"], a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
}

test.describe('an article full of markup and hostile links', () => {
  test('shows every field as the text that was typed, and nothing in it runs or leaves the site', async ({ page, baseURL }) => {
    const watched = await watch(page);
    await page.goto(`/news/${CATEGORY}/${ID}`);
    await expect(page).toHaveURL(new RegExp(`/news/${CATEGORY}/${ID}/[a-z0-9-]+$`));

    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await page.locator('.article__sapo').textContent()).toBe(article.sapo);
    expect(await page.locator('.article__byline').textContent()).toBe(article.author);
    const paragraphs = await page.locator('.article-body > p').allTextContents();
    expect(paragraphs).toEqual([`Đoạn ${ALL}`, `Liên kết hợp lệ: ${SCRIPT}`]);
    expect(await page.locator('.article-body h2').textContent()).toBe(`Mục ${IMG}`);
    expect(await page.locator('.article-body blockquote p').textContent()).toBe(`Trích ${END_SCRIPT}`);
    expect(await page.locator('.article-body blockquote footer').textContent()).toBe(ENTITIES);
    expect(await page.locator('.article-body li').allTextContents()).toEqual([LINKS, BREAKERS]);
    expect(await page.locator('.article-body figcaption').textContent()).toBe(`Chú thích ${SCRIPT} ${ENTITIES} Ảnh: ${END_SCRIPT}`);
    await expect(page.locator('.article-body img')).toHaveAttribute('alt', `Ảnh ${IMG}`);
    expect(await page.locator('.article-keywords a').allTextContents()).toEqual(article.keywords);
    // The one link the editor gave is kept, its address exactly as typed (an attribute, escaped).
    await expect(page.locator('.article-body a')).toHaveAttribute('href', HOSTILE_HREF);
    await expect(page.locator('.article-body a')).toHaveText(SCRIPT);

    await expectNothingRan(page, watched, new URL(baseURL!).origin);
  });

  test('the HTML has the text escaped: no script but the framework’s, the JSON-LD and the display settings', async ({ page, request }) => {
    const response = await request.get(`/news/${CATEGORY}/${ID}`);
    const html = await response.text();
    for (const raw of [SCRIPT, IMG, END_SCRIPT, '<a href="javascript:', '<a href="data:', '</title></style>']) {
      expect(html, `${raw} is escaped`).not.toContain(raw);
    }

    await page.goto(`/news/${CATEGORY}/${ID}`);
    const scripts = await page.locator('script').evaluateAll((elements) =>
      elements.map((s) => ({ src: s.getAttribute('src'), type: s.getAttribute('type'), text: s.textContent ?? '' })),
    );
    for (const script of scripts) {
      if (script.src) {
        expect(script.src).toMatch(/^\/_next\/static\//);
        continue;
      }
      // Inline scripts are Next's (its payload, `self.__next_f.push`, and Turbopack's chunk list), the JSON-LD
      // and the reader's display settings.
      const next = /^\(?(self\.__next_f|\(?globalThis\["TURBOPACK"\])/;
      const kind =
        script.type === 'application/ld+json' ? 'json-ld' : next.test(script.text) ? 'next' : /localStorage/.test(script.text) ? 'reader' : 'unknown';
      expect(kind, script.text.slice(0, 200)).not.toBe('unknown');
      for (const breaker of ['<script', '</script', '<img', '<!--', ']]>']) {
        expect(script.text, `${kind} script escapes ${breaker}`).not.toContain(breaker);
      }
      if (kind === 'reader') expect(script.text).not.toContain('pwned');
    }
  });

  test('title, description, Open Graph and JSON-LD carry the text as typed', async ({ page }) => {
    await page.goto(`/news/${CATEGORY}/${ID}`);
    await expect(page).toHaveTitle(`${TITLE} | Thái Bình TV`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', TITLE);
    const description = (await page.locator('meta[name="description"]').getAttribute('content'))!;
    expect(article.sapo.startsWith(description.replace(/…$/, ''))).toBe(true);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const news = jsonLd.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'NewsArticle');
    expect(news.headline).toBe(TITLE);
    expect(news.author.name).toBe(article.author);
    expect(news.keywords).toBe(article.keywords.join(', '));
  });

  test('its category, keyword and search pages and its feed show the title as text too', async ({ page, request, baseURL }) => {
    const watched = await watch(page);
    await page.goto(`/news/${CATEGORY}/${ID}`);
    const keyword = (await page.locator('.article-keywords a').first().getAttribute('href'))!;
    for (const path of [`/news/${CATEGORY}`, keyword, `/tim-kiem?q=${WORD}`]) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: TITLE, exact: true }), path).toBeVisible();
      await expectNothingRan(page, watched, new URL(baseURL!).origin);
    }
    expect(await page.locator('h1').textContent()).toContain(WORD);

    const feed = await (await request.get(`/news/${CATEGORY}/rss.xml`)).text();
    expect(feed).not.toContain(SCRIPT);
    const rss = new XMLParser({ processEntities: true, htmlEntities: false }).parse(feed);
    const item = [rss.rss.channel.item].flat().find((i: { title: string }) => i.title.startsWith('Tin '));
    expect(item.title).toBe(TITLE);
  });
});

test('a long unbroken run in a title (an address) wraps: its pages do not scroll sideways on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of [`/news/${CATEGORY}/${ID}`, `/news/${CATEGORY}`, `/tim-kiem?q=${WORD}`]) {
    await page.goto(path);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
  }
});

test('a file with javascript: and data: links is refused, each field named, and nothing of it is published', async ({ request }) => {
  const refused = {
    ...article,
    id: REFUSED_ID,
    title: `Bài bị từ chối ${WORD}`,
    body: [
      { type: 'paragraph', spans: [{ text: 'bấm', href: 'javascript:alert(document.cookie)' }] },
      { type: 'paragraph', spans: [{ text: 'an toàn', href: 'https://example.com/' }, { text: 'mở', href: 'data:text/html;base64,PHNjcmlwdD4=' }] },
    ],
  };
  const failure = (() => {
    try {
      runImport([{ name: 'refused.json', content: refused }]);
      return null;
    } catch (error) {
      return error as { status: number; stdout: string; stderr: string };
    }
  })();
  expect(failure?.status).toBe(1);
  expect(failure?.stdout).toContain('0 imported, 1 failed');
  expect(failure?.stderr).toMatch(/✗ \S*refused\.json: nothing written/);
  expect(failure?.stderr).toContain('refused.json: body.0.spans.0.href: link must be an absolute http(s) URL, not "javascript:alert(document.cookie)"');
  expect(failure?.stderr).toContain('refused.json: body.1.spans.1.href: link must be an absolute http(s) URL, not "data:text/html;base64,PHNjcmlwdD4="');
  expect((await request.get(`/news/${CATEGORY}/${REFUSED_ID}`)).status()).toBe(404);
});
