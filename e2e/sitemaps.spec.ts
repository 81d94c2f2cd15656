import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { importDocuments } from './helpers/content';
import { extraPort, startServer, type RunningServer } from './helpers/servers';
import { crawl, readSitemap, requestAll, type Answer, type SitemapFile, type SitemapUrl } from './helpers/sitemaps';

// Sitemaps and feeds as a crawler walks them (issue #15): from robots.txt through every sitemap it advertises, each
// validated by xmllint against sitemaps.org's schema, to every URL they and the feeds list, which must answer 200.
// Each state on a server and database of its own (E2E_PORT+12 to +14): the demo content, where nothing is from the
// last two days; a generated archive with recent articles, drafts and a category without any; and an archive past
// 50,000 URLs, where /sitemap.xml is an index. Runs in the "serial" project: it generates archives and crawls them.

const run = promisify(execFile);
const HOUR = 3_600_000;
/** Keywords whose only articles are drafts in the demo content. */
const DRAFT_ONLY_KEYWORDS = ['dau-tu-cong', 'phong-chong-ret'];
/** The demo content's newest published article (12 March 2021). */
const NEWEST_DEMO_ARTICLE = (base: string) => new RegExp(`^${base}/news/22/59316/[a-z0-9-]+$`);

type Site = { server: RunningServer; dir: string; env: { DATABASE_URL: string; MEDIA_DIR: string } };

/** A fresh database from `npm run db:generate-demo`: the demo content and `articles` generated ones. */
async function generatedSite({ articles, port, prepare }: { articles: number; port: number; prepare?: (env: Site['env']) => void }): Promise<Site> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-sitemaps-'));
  const env = { DATABASE_URL: `file:${path.join(dir, 'portal.db')}`, MEDIA_DIR: path.join(dir, 'media') };
  await run(path.join('node_modules', '.bin', 'tsx'), ['db/seed/generate-cli.ts', '--articles', String(articles), '--out', path.join(dir, 'portal.db')], {
    env: { ...process.env, ...env },
  });
  prepare?.(env);
  return { server: await startServer({ port, env: { ...env, SITE_URL: `http://127.0.0.1:${port}`, VIEW_RATE_LIMIT: '0' } }), dir, env };
}

async function stop(site: Site | undefined) {
  await site?.server.stop();
  if (site) fs.rmSync(site.dir, { recursive: true, force: true });
}

const failures = (answers: Answer[]) => answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.url}`);
const problems = (files: SitemapFile[]) => files.flatMap((f) => (f.status === 200 ? f.problems.map((p) => `${f.url}: ${p}`) : [`${f.url}: HTTP ${f.status}`]));
const newsSitemapOf = (files: SitemapFile[]) => files.find((f) => f.url.endsWith('/news-sitemap.xml'))!;
/** The pages and photos of sitemap entries. */
const locsOf = (urls: SitemapUrl[]) => urls.flatMap((u) => [u.loc, ...(u['image:image']?.['image:loc'] ? [u['image:image']['image:loc']] : [])]);
const listingUrls = (files: SitemapFile[]) => files.flatMap((f) => f.urls).filter((u) => /\/(news\/\d+|tu-khoa\/[^/]+)$/.test(u.loc));

const article = (id: number, fields: Record<string, unknown>) => ({
  name: `${id}.json`,
  content: {
    id,
    categoryId: 17,
    title: `Bài kiểm tra sơ đồ trang số ${id}`,
    sapo: 'Bài viết dùng để kiểm tra sơ đồ trang và nguồn tin.',
    publishedAt: new Date(Date.now() - HOUR).toISOString(),
    body: [{ type: 'paragraph', text: 'Nội dung.' }],
    ...fields,
  },
});

test.describe('the demo content, with nothing from the last two days', () => {
  test.describe.configure({ mode: 'serial' });
  let site: Site | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    site = await generatedSite({ articles: 0, port: extraPort(12) });
  });
  test.afterAll(() => stop(site));

  test('robots.txt advertises sitemaps that all validate; the news sitemap lists the newest article, without news metadata', async () => {
    const { advertised, files } = await crawl(site!.server.url);
    expect(advertised).toEqual([`${site!.server.url}/sitemap.xml`, `${site!.server.url}/news-sitemap.xml`]);
    expect(problems(files)).toEqual([]);
    expect(files.map((f) => f.root)).toEqual(['urlset', 'urlset']);
    expect(newsSitemapOf(files).urls).toEqual([{ loc: expect.stringMatching(NEWEST_DEMO_ARTICLE(site!.server.url)), lastmod: '2021-03-12T09:05:19+07:00' }]);
  });

  test('every URL in the sitemaps and feeds answers 200; keywords of drafts only are not listed and answer 404', async () => {
    test.setTimeout(120_000);
    const { files, answers, feeds } = await crawl(site!.server.url);
    expect(failures(answers)).toEqual([]);
    expect(feeds).toContain(`${site!.server.url}/rss.xml`);
    expect(feeds).toContain(`${site!.server.url}/news/17/rss.xml`);
    const locs = files.flatMap((f) => f.urls.map((u) => u.loc));
    for (const slug of DRAFT_ONLY_KEYWORDS) {
      expect(locs).not.toContain(`${site!.server.url}/tu-khoa/${slug}`);
      expect((await fetch(`${site!.server.url}/tu-khoa/${slug}`)).status).toBe(404);
    }
    expect(listingUrls(files).filter((u) => !u.lastmod)).toEqual([]);
  });

  test('an article published now enters the news sitemap with its metadata, and its new keyword the sitemap; unpublished, both leave', async () => {
    test.setTimeout(120_000);
    const base = site!.server.url;
    const publishedAt = new Date(Date.now() - HOUR);
    const fresh = article(70300, { title: 'Tin vừa đăng cho sơ đồ tin tức', keywords: ['Từ khóa vừa đăng'], publishedAt: publishedAt.toISOString() });
    expect(importDocuments([fresh], site!.env)).toContain('0 failed');

    let { files, answers } = await crawl(base);
    expect(problems(files)).toEqual([]);
    expect(failures(answers)).toEqual([]);
    const news = newsSitemapOf(files).urls;
    expect(news).toHaveLength(1);
    expect(news[0]!.loc).toMatch(new RegExp(`^${base}/news/17/70300/`));
    expect(news[0]!['news:news']).toMatchObject({ 'news:publication': { 'news:name': 'Thái Bình TV', 'news:language': 'vi' }, 'news:title': 'Tin vừa đăng cho sơ đồ tin tức' });
    const vietnamTime = new Date(publishedAt.getTime() + 7 * HOUR).toISOString().slice(0, 19) + '+07:00';
    expect(listingUrls(files).find((u) => u.loc === `${base}/tu-khoa/tu-khoa-vua-dang`)).toEqual({ loc: `${base}/tu-khoa/tu-khoa-vua-dang`, lastmod: vietnamTime });

    expect(importDocuments([{ ...fresh, content: { ...fresh.content, status: 'draft' } }], site!.env)).toContain('0 failed');
    ({ files, answers } = await crawl(base));
    expect(problems(files)).toEqual([]);
    expect(failures(answers)).toEqual([]);
    expect(newsSitemapOf(files).urls.map((u) => u.loc)).toEqual([expect.stringMatching(NEWEST_DEMO_ARTICLE(base))]);
    expect(listingUrls(files).map((u) => u.loc)).not.toContain(`${base}/tu-khoa/tu-khoa-vua-dang`);
    expect((await fetch(`${base}/tu-khoa/tu-khoa-vua-dang`)).status).toBe(404);
  });
});

test.describe('a generated archive with recent articles, drafts and a category without any', () => {
  test.describe.configure({ mode: 'serial' });
  const EMPTY_CATEGORY = 96;
  let site: Site | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    site = await generatedSite({
      articles: 300,
      port: extraPort(13),
      prepare: (env) => {
        const output = importDocuments(
          [
            { name: 'categories.json', content: { categories: [{ id: EMPTY_CATEGORY, name: 'Chưa có bài đăng', position: 96 }] } },
            article(70310, { categoryId: EMPTY_CATEGORY, status: 'draft', keywords: ['Chỉ có bản nháp'] }),
            article(70311, { publishedAt: new Date(Date.now() - 2 * HOUR).toISOString(), keywords: ['Tin trong ngày'] }),
            article(70312, { categoryId: 18, publishedAt: new Date(Date.now() - 20 * HOUR).toISOString(), keywords: ['Tin trong ngày'] }),
            article(70313, { categoryId: 19, publishedAt: new Date(Date.now() - 40 * HOUR).toISOString() }),
          ],
          env,
        );
        expect(output).toContain('0 failed');
      },
    });
  });
  test.afterAll(() => stop(site));

  test('every advertised sitemap validates, the news sitemap has the recent articles with their metadata, and every URL listed answers 200', async () => {
    test.setTimeout(300_000);
    const base = site!.server.url;
    const started = Date.now();
    const { files, answers } = await crawl(base);
    test.info().annotations.push({ type: 'crawl', description: `${answers.length} URLs in ${((Date.now() - started) / 1000).toFixed(0)} s` });
    expect(problems(files)).toEqual([]);
    expect(failures(answers)).toEqual([]);
    expect(answers.length).toBeGreaterThan(300 + 70);

    const news = newsSitemapOf(files).urls;
    expect(news.map((u) => u.loc.split('/')[5])).toEqual(['70311', '70312', '70313']);
    for (const url of news) expect(url['news:news']!['news:publication_date']).toMatch(/\+07:00$/);

    const listings = listingUrls(files);
    expect(listings.filter((u) => !u.lastmod)).toEqual([]);
    const locs = listings.map((u) => u.loc);
    expect(locs).toContain(`${base}/tu-khoa/tin-trong-ngay`);
    expect(locs).not.toContain(`${base}/tu-khoa/chi-co-ban-nhap`);
    expect((await fetch(`${base}/tu-khoa/chi-co-ban-nhap`)).status).toBe(404);
    // A category with no published article keeps its page (an empty listing), but is not listed.
    expect(locs).not.toContain(`${base}/news/${EMPTY_CATEGORY}`);
    expect(await (await fetch(`${base}/news/${EMPTY_CATEGORY}`)).text()).toContain('Chuyên mục này chưa có bài viết.');
  });
});

test.describe('an archive past 50,000 URLs', () => {
  test.describe.configure({ mode: 'serial' });
  let site: Site | undefined;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    site = await generatedSite({
      articles: 50_000,
      port: extraPort(14),
      prepare: (env) => expect(importDocuments([article(70320, { status: 'draft', keywords: ['Chỉ có bản nháp'] })], env)).toContain('0 failed'),
    });
  });
  test.afterAll(() => stop(site));

  test('/sitemap.xml is an index valid against siteindex.xsd, its files against sitemap.xsd, and what they list answers 200', async () => {
    test.setTimeout(300_000);
    const base = site!.server.url;
    const index = await readSitemap(`${base}/sitemap.xml`);
    expect(index.root).toBe('sitemapindex');
    expect(index.sitemaps).toEqual([`${base}/sitemaps/pages.xml`, `${base}/sitemaps/articles-1.xml`, `${base}/sitemaps/articles-2.xml`]);
    const files = [index, ...(await Promise.all(index.sitemaps.map(readSitemap)))];
    expect(problems(files)).toEqual([]);
    expect(files.slice(1).map((f) => f.root)).toEqual(['urlset', 'urlset', 'urlset']);

    // Every page of the pages file; of the 50,000-odd articles (every one of which the smaller sites above request),
    // every 1,000th and the last of each file.
    const [pages, ...articleFiles] = files.slice(1);
    const sample = articleFiles.flatMap((f) => f!.urls.filter((_, i) => i % 1_000 === 0 || i === f!.urls.length - 1));
    expect(failures(await requestAll(locsOf([...pages!.urls, ...sample])))).toEqual([]);
    expect(pages!.urls.filter((u) => !u.lastmod)).toEqual([]);
    expect(pages!.urls.map((u) => u.loc)).not.toContain(`${base}/tu-khoa/chi-co-ban-nhap`);
  });
});

