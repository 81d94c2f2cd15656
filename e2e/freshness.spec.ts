import { expect, test, type APIRequestContext } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { importDocuments, runImport } from './helpers/content';

// Content changes reach the cached pages: an edit made with the import command (another process) is on every
// page that shows the article within 5 seconds, a new article on the related rails it enters within 2, and pages
// that do not show it stay cached. This spec runs in
// the "serial" project, alone: any other spec's import (a category list expires the menu on every page)
// would otherwise expire pages this one expects to stay cached.

const seed = fixture.article;
const SEED_URL = `/news/${seed.categoryId}/${seed.id}/${seed.slug}`;
const EDITED = 70300;
const UNTOUCHED = 70301;
// Category 93 holds UNTOUCHED, RAIL and five more: each one's related rail is full from its own category, so no
// change elsewhere (which expires the site's latest) reaches it unless it shares a keyword or the category.
const SIBLINGS = [70302, 70303, 70304, 70305, 70306];
const RAIL = 70307;
const NEWCOMER = 70308;
const RAIL_KEYWORD = 'Kiểm tra tin liên quan';

function article(id: number, categoryId: number, title: string, keyword?: string) {
  return {
    name: `${id}.json`,
    content: {
      id,
      categoryId,
      title,
      sapo: 'Bài viết dùng để kiểm tra rằng trang được làm mới ngay khi nội dung thay đổi.',
      // Old enough to stay out of other articles' "newest" rails and the home page's latest list.
      publishedAt: '2016-03-01T08:00:00+07:00',
      keywords: keyword ? [keyword] : [],
      body: [{ type: 'paragraph', text: 'Nội dung kiểm tra bộ đệm.' }],
    },
  };
}
const edited = (title: string) => article(EDITED, 92, title, 'Kiểm tra bộ đệm trang');

async function cached(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  return { status: response.headers()['x-nextjs-cache'], body: await response.text() };
}

/** Requests a page until Next serves it from its cache, and returns that cached copy. */
async function warm(request: APIRequestContext, path: string) {
  await request.get(path);
  const second = await cached(request, path);
  expect(second.status, `${path} is served from the cache once rendered`).toBe('HIT');
  return second;
}

test.describe('freshness after an edit', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(() => {
    const output = importDocuments([
      {
        name: 'categories.json',
        content: {
          categories: [
            { id: 92, name: 'Kiểm tra bộ đệm', position: 97 },
            { id: 93, name: 'Kiểm tra bộ đệm 2', position: 98 },
            { id: 94, name: 'Kiểm tra bộ đệm 3', position: 95 },
          ],
        },
      },
      edited('Bài kiểm tra bộ đệm: tiêu đề ban đầu'),
      article(UNTOUCHED, 93, 'Bài không liên quan đến bài được sửa', 'Kiểm tra bộ đệm khác'),
      ...SIBLINGS.map((id, n) => article(id, 93, `Bài cùng chuyên mục số ${n + 1}`)),
      article(RAIL, 93, 'Bài có đường ray tin liên quan', RAIL_KEYWORD),
    ]);
    expect(output).toContain('0 failed');
  });

  test('an edited title is on every page that shows the article within 5 seconds; other pages stay cached', async ({ request }) => {
    const articlePath = `/news/92/${EDITED}/bai-kiem-tra-bo-dem-tieu-de-ban-dau`;
    const showsArticle = [articlePath, '/news/92', '/tu-khoa/kiem-tra-bo-dem-trang', '/', '/news/92/rss.xml'];
    const untouched = [SEED_URL, `/news/93/${UNTOUCHED}/bai-khong-lien-quan-den-bai-duoc-sua`, '/news/93', '/tu-khoa/kiem-tra-bo-dem-khac'];
    // Everything warm, from the cache, with the old title.
    for (const path of [...showsArticle.filter((p) => !p.endsWith('.xml')), ...untouched]) await warm(request, path);
    for (const path of showsArticle) expect(await (await request.get(path)).text(), path).toContain('tiêu đề ban đầu');
    const untouchedBefore = new Map<string, string>();
    for (const path of untouched) untouchedBefore.set(path, (await cached(request, path)).body);
    const sitemapBefore = await (await request.get('/sitemap.xml')).text();

    const output = runImport([edited('Bài kiểm tra bộ đệm: tiêu đề đã sửa')]);
    expect(output).toContain(`article ${EDITED} updated`);
    const imported = Date.now();

    await expect
      .poll(async () => (await request.get(articlePath)).text(), { timeout: 5_000, intervals: [100] })
      .toContain('tiêu đề đã sửa');
    const seconds = (Date.now() - imported) / 1000;
    test.info().annotations.push({ type: 'freshness', description: `edited title served after ${seconds.toFixed(2)} s` });
    expect(seconds).toBeLessThan(5);
    // The slug stays: the shared link keeps working.
    for (const path of showsArticle) {
      const text = await (await request.get(path)).text();
      expect(text, path).toContain('tiêu đề đã sửa');
      expect(text, path).not.toContain('tiêu đề ban đầu');
    }
    // The sitemap's lastmod for the article moved with the edit.
    const lastmod = (xml: string) => new RegExp(`/${EDITED}/[^<]*</loc>\\s*<lastmod>([^<]+)`).exec(xml)?.[1];
    expect(lastmod(sitemapBefore)).toBeTruthy();
    expect(lastmod(await (await request.get('/sitemap.xml')).text())).not.toBe(lastmod(sitemapBefore));
    // Pages that do not show the article were not expired: still the same cached copy.
    for (const path of untouched) {
      const after = await cached(request, path);
      expect(after.status, path).toBe('HIT');
      expect(after.body, path).toBe(untouchedBefore.get(path));
    }
  });

  test('a new article sharing a keyword is on that article\'s related rail within 2 seconds; an article sharing nothing stays cached', async ({ request }) => {
    const railPath = `/news/93/${RAIL}/bai-co-duong-ray-tin-lien-quan`;
    const untouched = [`/news/93/${UNTOUCHED}/bai-khong-lien-quan-den-bai-duoc-sua`, SEED_URL];
    const newcomer = article(NEWCOMER, 94, 'Bài mới cùng từ khóa với bài có đường ray', RAIL_KEYWORD);
    const rail = (html: string) => /<section class="related-news"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(rail((await warm(request, railPath)).body)).not.toContain(newcomer.content.title);
    const untouchedBefore = new Map<string, string>();
    for (const path of untouched) untouchedBefore.set(path, (await warm(request, path)).body);

    const output = runImport([newcomer]);
    expect(output).toContain(`article ${NEWCOMER} created`);
    await expect
      .poll(async () => rail(await (await request.get(railPath)).text()), { timeout: 2_000, intervals: [100] })
      .toContain(newcomer.content.title);
    for (const path of untouched) {
      const after = await cached(request, path);
      expect(after.status, path).toBe('HIT');
      expect(after.body, path).toBe(untouchedBefore.get(path));
    }
  });
});
