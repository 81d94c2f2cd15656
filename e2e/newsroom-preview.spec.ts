import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { importDocuments } from './helpers/content';
import { meta } from './helpers/html';
import { createStaff, expectSignInPage, signInAs, staff, uniqueUsername } from './helpers/newsroom';

// The newsroom's preview at /toa-soan/bai-viet/<id>/xem-truoc (issue #17): any article, draft or published, as
// its public page renders it (the same components), under a `Bản xem trước` banner; never cached, not indexed,
// counting no view; for the staff who may see the article only.

const seed = fixture.article;
const DRAFT = 70500;
const PUBLISHED = 70501;
const PASSWORD = 'Đồng lúa mùa gặt 2026 xanh';
const previewPath = (id: number) => `/toa-soan/bai-viet/${id}/xem-truoc`;

const draft = {
  id: DRAFT,
  categoryId: 17,
  status: 'draft',
  title: 'Bản nháp xem trước: nông dân chuẩn bị vụ lúa mới',
  sapo: 'Bài chưa xuất bản: chỉ tòa soạn đọc được, qua bản xem trước của nó.',
  // Old enough to stay out of the "newest" lists once the published copy below is imported.
  publishedAt: '2016-04-01T08:00:00+07:00',
  author: 'Minh Hằng',
  keywords: ['Xem trước bản nháp'],
  body: [
    { type: 'image', file: 'a60431-1.jpg', alt: 'Cánh đồng trước vụ cấy', caption: 'Cánh đồng chuẩn bị gieo cấy', credit: 'Ảnh: Minh Hằng' },
    { type: 'paragraph', text: 'Đoạn đầu của bản nháp.' },
    { type: 'image', file: 'a60431-2.jpg', alt: 'Nông dân ra đồng', caption: 'Nông dân ra đồng từ sớm' },
    { type: 'paragraph', text: 'Đoạn cuối của bản nháp.' },
  ],
};
// A published article nobody else reads: its view count moves only when this spec says so.
const published = { ...draft, id: PUBLISHED, status: 'published', title: 'Bài đã đăng, xem trước trong tòa soạn', keywords: ['Xem trước bài đã đăng'] };

test.beforeAll(() => {
  expect(importDocuments([{ name: 'draft.json', content: draft }, { name: 'published.json', content: published }])).toContain('0 failed');
});

/** A browser context signed in as a new account of `role` (phong-vien: with the given categories), and a page in it. */
async function signedIn(browser: Browser, role: 'phong-vien' | 'lanh-dao', categories: number[] = []): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const username = uniqueUsername('xt');
  if (categories.length) {
    staff(['create', '--username', username, '--name', 'Trần Thị Xem Trước', '--role', role, '--categories', categories.join(','), '--password-stdin'], {
      stdin: `${PASSWORD}\n`,
    });
  } else {
    createStaff({ username, name: 'Trần Thị Xem Trước', role, password: PASSWORD });
  }
  await signInAs(page, username, PASSWORD);
  return { context, page };
}

/** The `<article>` of a page as served, with the view count left out (the public copy may be cached with an older one). */
function articleMarkup(html: string): string {
  const article = /<article class="article">[\s\S]*?<\/article>/.exec(html)?.[0];
  expect(article, 'an <article class="article"> in the page').toBeTruthy();
  return article!.replace(/<span class="article__views">[^<]*<\/span>/, '<span class="article__views"></span>');
}

const viewsOf = async (request: APIRequestContext, id: number) => ((await (await request.get(`/api/articles/${id}/views`)).json()) as { views: number }).views;

/** Every view report the page sends from now on. */
function watchViewReports(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/articles\/\d+\/views/.test(request.url())) sent.push(`${request.method()} ${request.url()}`);
  });
  return sent;
}

function expectNeverCachedNorIndexed(response: Response, html: string) {
  const headers = response.headers();
  expect(headers['cache-control']).toContain('private');
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['x-nextjs-cache']).not.toBe('HIT');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  expect(meta(html, 'robots')).toBe('noindex, nofollow');
  // Structured data is the public page's alone.
  expect(html).not.toContain('application/ld+json');
}

test.describe('the preview, as lanh-dao', () => {
  let lanhDao: { context: BrowserContext; page: Page };
  test.beforeAll(async ({ browser }) => {
    // A first sign-in as lanh-dao enrols a second factor on the way in: slower than one page.
    test.setTimeout(90_000);
    lanhDao = await signedIn(browser, 'lanh-dao');
  });
  test.afterAll(() => lanhDao.context.close());

  test('shows the seed article as its public page does, under the banner, with the footer; never cached nor indexed', async ({ request }) => {
    const { page } = lanhDao;
    const reports = watchViewReports(page);
    const response = (await page.goto(previewPath(seed.id)))!;
    expect(response.status()).toBe(200);
    const html = await response.text();
    expectNeverCachedNorIndexed(response, html);

    const banner = page.getByRole('status').filter({ hasText: 'Bản xem trước' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Quay lại sửa bài' })).toHaveAttribute('href', `/toa-soan/bai-viet/${seed.id}`);
    await expect(banner.getByRole('link', { name: 'Xem trang công khai' })).toHaveAttribute('href', seed.url);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('.article__meta time')).toHaveText(seed.displayedDateTime);
    await expect(page.getByText(seed.sapo, { exact: true })).toBeVisible();
    const captions = seed.body.filter((block) => block.type === 'image').map((block) => block.caption!);
    await expect(page.locator('.article-body figure figcaption')).toHaveText(captions);
    await expect(page.locator('.article__byline')).toContainText(seed.author);
    await expect(page.getByRole('heading', { name: 'Từ khóa' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Tin liên quan' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Đọc nhiều' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();

    // The same markup as the public page, keywords, photos, share buttons and all: the same component renders both.
    const publicHtml = await (await request.get(seed.url)).text();
    expect(articleMarkup(html)).toBe(articleMarkup(publicHtml));
    const keywordSection = /<section class="article-keywords"[\s\S]*?<\/section>/.exec(publicHtml)?.[0] ?? '';
    const publicKeywords = [...keywordSection.matchAll(/>([^<]+)<\/a>/g)].map(([, name]) => name!);
    expect(publicKeywords.length).toBeGreaterThan(0);
    await expect(page.locator('.article-keywords a')).toHaveText(publicKeywords);

    await page.waitForLoadState('networkidle');
    expect(reports, 'the preview reports no view').toEqual([]);
  });

  test('counts no view: the count shown is the stored one, and it stays as the preview is loaded again', async ({ browser, request }) => {
    const { page } = lanhDao;
    const before = await viewsOf(request, PUBLISHED);
    const reports = watchViewReports(page);
    for (let visit = 1; visit <= 3; visit++) {
      await page.goto(previewPath(PUBLISHED), { waitUntil: 'networkidle' });
      await expect(page.locator('.article__views')).toHaveText(`${before} lượt xem`);
    }
    expect(reports).toEqual([]);
    expect(await viewsOf(request, PUBLISHED)).toBe(before);

    // The public page, read once, does count: the count above could have moved.
    const reader = await browser.newContext();
    try {
      const publicPage = await reader.newPage();
      await publicPage.goto((await page.getByRole('link', { name: 'Xem trang công khai' }).getAttribute('href'))!);
      await expect.poll(() => viewsOf(request, PUBLISHED)).toBe(before + 1);
    } finally {
      await reader.close();
    }
  });

  test('shows a draft, whose public URL answers 404, with its photos, captions, byline and keywords', async ({ request }) => {
    const { page } = lanhDao;
    const response = (await page.goto(previewPath(DRAFT)))!;
    expect(response.status()).toBe(200);
    expectNeverCachedNorIndexed(response, await response.text());
    const banner = page.getByRole('status').filter({ hasText: 'Bản xem trước' });
    await expect(banner).toContainText('Bản nháp');
    await expect(banner.getByRole('link', { name: 'Quay lại sửa bài' })).toHaveAttribute('href', `/toa-soan/bai-viet/${DRAFT}`);
    await expect(banner.getByRole('link', { name: 'Xem trang công khai' })).toHaveCount(0);

    await expect(page).toHaveTitle(`Xem trước: ${draft.title}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
    await expect(page.getByText(draft.sapo, { exact: true })).toBeVisible();
    const figures = page.locator('.article-body figure');
    await expect(figures).toHaveCount(2);
    await expect(figures.locator('figcaption')).toHaveText([/Cánh đồng chuẩn bị gieo cấy/, /Nông dân ra đồng từ sớm/]);
    await expect(figures.first().locator('img')).toHaveAttribute('alt', 'Cánh đồng trước vụ cấy');
    await expect.poll(() => figures.first().locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByText('Đoạn cuối của bản nháp.', { exact: true })).toBeVisible();
    await expect(page.locator('.article__byline')).toContainText(draft.author);
    await expect(page.getByRole('link', { name: 'Xem trước bản nháp' })).toHaveAttribute('href', '/tu-khoa/xem-truoc-ban-nhap');

    // Its would-be public address, as the page prints it, is not served: the draft is nobody's but the newsroom's.
    const address = (await page.locator('.print-url').textContent())!.replace('Nguồn: ', '');
    expect(new URL(address).pathname).toMatch(new RegExp(`^/news/17/${DRAFT}/`));
    expect((await request.get(new URL(address).pathname)).status()).toBe(404);
  });

  test('answers 404 for an article that does not exist', async () => {
    const { page } = lanhDao;
    expect((await page.goto(previewPath(99_999_999)))!.status()).toBe(404);
    expect((await page.goto('/toa-soan/bai-viet/khong-phai-so/xem-truoc'))!.status()).toBe(404);
  });

  test('passes axe (WCAG 2.1 AA)', async () => {
    const { page } = lanhDao;
    await page.goto(previewPath(DRAFT), { waitUntil: 'networkidle' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test('a phong-vien previews the drafts of their categories; one of another category gets 403', async ({ browser }) => {
  test.setTimeout(90_000);
  const own = await signedIn(browser, 'phong-vien', [17]);
  const other = await signedIn(browser, 'phong-vien', [29]);
  try {
    expect((await own.page.goto(previewPath(DRAFT)))!.status()).toBe(200);
    await expect(own.page.getByRole('heading', { level: 1 })).toHaveText(draft.title);

    expect((await other.page.goto(previewPath(DRAFT)))!.status()).toBe(403);
    await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền');
    await expect(other.page.getByText(draft.title)).toHaveCount(0);
  } finally {
    await Promise.all([own.context.close(), other.context.close()]);
  }
});

test('signed out, the preview sends to the sign-in page and shows nothing of the draft', async ({ page }) => {
  const response = await page.goto(previewPath(DRAFT));
  await expectSignInPage(page);
  expect(await response!.text()).not.toContain(draft.title);
});
