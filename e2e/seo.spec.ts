import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fixture from './fixtures/seed-article.json';
import { importDocuments } from './helpers/content';
import { fetchHtml, jsonLd, linkHref, meta, metaTags, titleOf } from './helpers/html';
import { markViewed } from './helpers/views';

// What a crawler or a link preview reads: the served HTML (no JavaScript), sitemaps, feeds and robots.txt.
const seed = fixture.article;
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const HOSTILE_ID = 70200;
const HOSTILE_TITLE = 'Tiêu đề có </script><script>alert("xss")</script> & “ngoặc” <b>đậm</b>';
const FRESH_ID = 70201;
const PAGED_CATEGORY = 91;

const xml = new XMLParser({ ignoreAttributes: false });
function parseXml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
}
const asArray = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

async function imageSize(request: import('@playwright/test').APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\//);
  const { width, height } = await sharp(await response.body()).metadata();
  return { width, height };
}

test.beforeEach(({ page }) => markViewed(page, seed.id));

test.beforeAll(() => {
  const paged = Array.from({ length: 21 }, (_, i) => ({
    name: `${81000 + i}.json`,
    content: {
      id: 81000 + i,
      categoryId: PAGED_CATEGORY,
      title: `Bản tin kiểm tra thẻ meta số ${i + 1}`,
      sapo: 'Bản tin dùng để kiểm tra thẻ canonical của trang thứ hai.',
      publishedAt: `2018-06-${String(i + 1).padStart(2, '0')}T08:00:00+07:00`,
      body: [{ type: 'paragraph', text: 'Nội dung.' }],
    },
  }));
  const output = importDocuments([
    { name: 'categories.json', content: { categories: [{ id: PAGED_CATEGORY, name: 'Kiểm tra SEO', position: 98 }] } },
    ...paged,
    {
      name: 'hostile.json',
      content: {
        id: HOSTILE_ID,
        categoryId: 19,
        title: HOSTILE_TITLE,
        sapo: 'Mô tả có ký tự đặc biệt: <script>alert(1)</script> & "trích dẫn" \u2028 dòng mới.',
        publishedAt: '2019-02-01T08:00:00+07:00',
        keywords: ['Thẻ </script> nguy hiểm'],
        body: [
          { type: 'image', file: 'a60431-2.jpg', alt: 'Ảnh <img src=x onerror=alert(1)>' },
          { type: 'paragraph', text: 'Nội dung <script>alert(2)</script>.' },
        ],
      },
    },
    {
      name: 'fresh.json',
      content: {
        id: FRESH_ID,
        categoryId: 17,
        title: 'Tin vừa đăng để kiểm tra sơ đồ tin tức',
        sapo: 'Bài viết đăng trong vòng hai ngày qua phải có trong sơ đồ trang Google News.',
        publishedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
        body: [
          { type: 'image', file: 'a60431-3.jpg', alt: 'Ảnh minh họa' },
          { type: 'paragraph', text: 'Nội dung bài viết mới.' },
        ],
      },
    },
  ]);
  expect(output).toContain('0 failed');
});

test.describe('the seed article, as a crawler reads it', () => {
  test('title, description and absolute canonical', async ({ request }) => {
    const html = await fetchHtml(request, seed.url);
    expect(titleOf(html)).toBe(`${seed.title} | Thái Bình TV`);
    const description = meta(html, 'description')!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(seed.sapo.startsWith(description.replace(/…$/, ''))).toBe(true);
    expect(seed.sapo.charAt(description.length - 1)).toBe(' '); // cut at a word boundary
    expect(linkHref(html, 'canonical')).toEqual([`${BASE}${seed.url}`]);
  });

  test('Open Graph and Twitter tags for a large share preview', async ({ request }) => {
    const html = await fetchHtml(request, seed.url);
    expect(meta(html, 'og:site_name')).toBe('Thái Bình TV');
    expect(meta(html, 'og:locale')).toBe('vi_VN');
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe(seed.title);
    expect(meta(html, 'og:description')).toBe(meta(html, 'description'));
    expect(meta(html, 'og:url')).toBe(`${BASE}${seed.url}`);
    expect(meta(html, 'og:image:width')).toBe('1200');
    expect(meta(html, 'og:image:height')).toBe('630');
    expect(meta(html, 'og:image:alt')).toBe(seed.body[0]!.alt);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'article:published_time')).toBe('2021-01-26T19:14:24+07:00');
    expect(meta(html, 'article:modified_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(meta(html, 'article:section')).toBe('Chính trị');
    expect(metaTags(html).filter(([k]) => k === 'article:tag').map(([, v]) => v)).toEqual([
      'Văn phòng UBND tỉnh',
      'Hội nghị tổng kết',
      'Phát động thi đua',
    ]);
    const image = meta(html, 'og:image')!;
    expect(image).toMatch(new RegExp(`^${BASE}/media/crops/a60431-1-[0-9a-f]{10}-og\\.jpg$`));
    expect(await imageSize(request, image)).toEqual({ width: 1200, height: 630 });
  });

  test('NewsArticle and BreadcrumbList structured data', async ({ request }) => {
    const html = await fetchHtml(request, seed.url);
    const blocks = jsonLd(html);
    const article = blocks.find((b) => b['@type'] === 'NewsArticle')!;
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: seed.title,
      description: meta(html, 'description'),
      datePublished: '2021-01-26T19:14:24+07:00',
      author: { '@type': 'Person', name: seed.author },
      publisher: { '@type': 'GovernmentOrganization', name: 'Đài Phát thanh và Truyền hình Thái Bình', url: `${BASE}/` },
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${BASE}${seed.url}` },
      articleSection: 'Chính trị',
      keywords: 'Văn phòng UBND tỉnh, Hội nghị tổng kết, Phát động thi đua',
      inLanguage: 'vi',
    });
    expect(article.dateModified).toMatch(/\+07:00$/);
    const logo = (article.publisher as { logo: { url: string } }).logo.url;
    expect(await imageSize(request, logo)).toEqual({ width: 512, height: 512 });
    const images = article.image as string[];
    expect(images).toHaveLength(3);
    const sizes = await Promise.all(images.map((url) => imageSize(request, url)));
    const ratios = sizes.map((s) => s.width! / s.height!);
    expect(ratios[0]).toBeCloseTo(16 / 9, 2);
    expect(ratios[1]).toBeCloseTo(4 / 3, 2);
    expect(ratios[2]).toBeCloseTo(1, 2);
    const source = await imageSize(request, images[0]!.replace('/crops/', '/').replace(/-16x9\.jpg$/, '.jpg'));
    sizes.forEach((size, i) => {
      const widest = Math.min(source.width!, Math.floor(source.height! * [16 / 9, 4 / 3, 1][i]!));
      expect(size.width).toBe(Math.min(1200, widest)); // 1200 px wide wherever the source allows
    });

    const breadcrumb = blocks.find((b) => b['@type'] === 'BreadcrumbList')!;
    expect(breadcrumb.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${BASE}/` },
      { '@type': 'ListItem', position: 2, name: 'Chính trị', item: `${BASE}/news/17` },
    ]);
  });

  test('the structured data matches the breadcrumb a reader sees', async ({ page }) => {
    await page.goto(seed.url);
    const visible = await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link').evaluateAll((links) =>
      links.map((a) => ({ name: a.textContent, item: (a as HTMLAnchorElement).href })),
    );
    const html = await page.content();
    const breadcrumb = jsonLd(html).find((b) => b['@type'] === 'BreadcrumbList')!;
    expect((breadcrumb.itemListElement as Array<{ name: string; item: string }>).map(({ name, item }) => ({ name, item }))).toEqual(visible);
  });

  test('the page announces the RSS feed', async ({ request }) => {
    const html = await fetchHtml(request, seed.url);
    expect(linkHref(html, 'alternate', 'application/rss+xml')).toContain(`${BASE}/rss.xml`);
  });
});

test.describe('other pages', () => {
  test('home: WebSite and publisher structured data, default share image', async ({ request }) => {
    const html = await fetchHtml(request, '/');
    expect(titleOf(html)).toBe('Tin tức Thái Bình | Thái Bình TV');
    expect(linkHref(html, 'canonical').map((href) => new URL(href).toString())).toEqual([`${BASE}/`]);
    expect(meta(html, 'og:type')).toBe('website');
    expect(meta(html, 'og:image')).toBe(`${BASE}/share-default.jpg`);
    expect(await imageSize(request, meta(html, 'og:image')!)).toEqual({ width: 1200, height: 630 });
    expect(meta(html, 'og:image:alt')).toBeTruthy();
    const types = jsonLd(html).map((b) => b['@type']);
    expect(types).toEqual(expect.arrayContaining(['WebSite', 'GovernmentOrganization']));
  });

  test('a category: page 1 canonical has no ?trang, page 2 keeps it; both have the full tag set', async ({ request }) => {
    const first = await fetchHtml(request, `/news/${PAGED_CATEGORY}`);
    expect(linkHref(first, 'canonical')).toEqual([`${BASE}/news/${PAGED_CATEGORY}`]);
    expect(titleOf(first)).toBe('Kiểm tra SEO | Thái Bình TV');
    const second = await fetchHtml(request, `/news/${PAGED_CATEGORY}?trang=2`);
    expect(linkHref(second, 'canonical')).toEqual([`${BASE}/news/${PAGED_CATEGORY}?trang=2`]);
    expect(titleOf(second)).toBe('Kiểm tra SEO - Trang 2 | Thái Bình TV');
    for (const html of [first, second]) {
      for (const key of ['description', 'og:site_name', 'og:locale', 'og:title', 'og:description', 'og:url', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:card']) {
        expect(meta(html, key), key).toBeTruthy();
      }
    }
    expect(linkHref(first, 'alternate', 'application/rss+xml')).toContain(`${BASE}/news/${PAGED_CATEGORY}/rss.xml`);
  });

  test('a keyword page has its own title, description and canonical', async ({ request }) => {
    const html = await fetchHtml(request, '/tu-khoa/hoi-nghi-tong-ket');
    expect(titleOf(html)).toBe('Từ khóa: Hội nghị tổng kết | Thái Bình TV');
    expect(linkHref(html, 'canonical')).toEqual([`${BASE}/tu-khoa/hoi-nghi-tong-ket`]);
    expect(meta(html, 'description')).toContain('Hội nghị tổng kết');
  });
});

test('stored text cannot break out of the JSON-LD script, and no script runs', async ({ page, request }) => {
  const url = `/news/19/${HOSTILE_ID}/${(await request.get(`/news/19/${HOSTILE_ID}`, { maxRedirects: 0 })).headers().location!.split('/').pop()}`;
  const html = await fetchHtml(request, url);
  expect(html).not.toContain('</script><script>alert');
  const article = jsonLd(html).find((b) => b['@type'] === 'NewsArticle')!;
  expect(article.headline).toBe(HOSTILE_TITLE);
  expect(article.keywords).toBe('Thẻ </script> nguy hiểm');

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_TITLE);
  await expect(page.getByText('Nội dung <script>alert(2)</script>.')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test.describe('crawling', () => {
  test('robots.txt allows the site, keeps crawlers out of /api/ and the newsroom, and lists the sitemaps', async ({ request }) => {
    const text = await (await request.get('/robots.txt')).text();
    expect(text).toMatch(/User-Agent: \*\nAllow: \/\nDisallow: \/api\/\nDisallow: \/toa-soan\n/);
    expect(text).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${BASE}/news-sitemap.xml`);
  });

  test('the sitemap lists home, categories, keywords and every published article with lastmod and its photo', async ({ request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.headers()['content-type']).toContain('xml');
    const doc = parseXml(await response.text());
    const urls = asArray(doc.urlset.url) as Array<{ loc: string; lastmod?: string; 'image:image'?: { 'image:loc': string } }>;
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual(expect.arrayContaining([`${BASE}/`, `${BASE}/news/17`, `${BASE}/tu-khoa/hoi-nghi-tong-ket`, `${BASE}${seed.url}`]));
    const entry = urls.find((u) => u.loc === `${BASE}${seed.url}`)!;
    expect(entry.lastmod).toBe('2021-01-26T19:14:24+07:00');
    expect(entry['image:image']!['image:loc']).toMatch(new RegExp(`^${BASE}/media/a60431-1-[0-9a-f]{10}\\.jpg$`));
    expect(locs.some((l) => l.includes('/59312/'))).toBe(false); // a draft
    const articles = locs.filter((l) => /\/news\/\d+\/\d+\//.test(l));
    expect(articles.every((l) => urls.find((u) => u.loc === l)!.lastmod)).toBe(true);
  });

  test('the Google News sitemap has only the last two days, with publication name and language', async ({ request }) => {
    const doc = parseXml(await (await request.get('/news-sitemap.xml')).text());
    const urls = asArray(doc.urlset.url) as Array<{ loc: string; 'news:news': Record<string, unknown> }>;
    expect(urls.length).toBeGreaterThanOrEqual(1);
    expect(urls.length).toBeLessThanOrEqual(1000);
    const fresh = urls.find((u) => u.loc.includes(`/${FRESH_ID}/`))!;
    expect(fresh['news:news']).toMatchObject({
      'news:publication': { 'news:name': 'Thái Bình TV', 'news:language': 'vi' },
      'news:title': 'Tin vừa đăng để kiểm tra sơ đồ tin tức',
    });
    expect(urls.some((u) => u.loc.includes('/60431/'))).toBe(false);
  });

  test('RSS feeds parse as XML, with escaped text, RFC 822 dates in +0700 and at most 50 items', async ({ request }) => {
    const site = await request.get('/rss.xml');
    expect(site.headers()['content-type']).toContain('application/rss+xml');
    const doc = parseXml(await site.text());
    const items = asArray(doc.rss.channel.item) as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(50);
    for (const item of items) {
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0700$/);
      for (const key of ['title', 'link', 'guid', 'description', 'category']) expect(item[key], key).toBeTruthy();
    }

    const category = parseXml(await (await request.get('/news/19/rss.xml')).text());
    const hostile = (asArray(category.rss.channel.item) as Array<{ title: string; description: string }>).find((i) => i.title === HOSTILE_TITLE);
    expect(hostile?.description).toContain('<script>alert(1)</script> & "trích dẫn"');

    const seedFeed = parseXml(await (await request.get('/news/17/rss.xml')).text());
    const seedItem = (asArray(seedFeed.rss.channel.item) as Array<Record<string, unknown>>).find((i) => i.title === seed.title)!;
    expect(seedItem).toMatchObject({ link: `${BASE}${seed.url}`, pubDate: 'Tue, 26 Jan 2021 19:14:24 +0700', category: 'Chính trị', description: seed.sapo });
    expect((await request.get('/news/999/rss.xml')).status()).toBe(404);
  });

  test('sitemaps and feeds are refreshed when content changes', async ({ request }) => {
    const before = await (await request.get('/sitemap.xml')).text();
    expect(before).not.toContain('/70202/');
    importDocuments([
      {
        name: 'late.json',
        content: {
          id: 70202,
          categoryId: 18,
          title: 'Bài viết thêm sau để kiểm tra làm mới sơ đồ trang',
          sapo: 'Nhập thêm một bài để xem sơ đồ trang và nguồn tin có cập nhật.',
          publishedAt: '2019-01-01T08:00:00+07:00',
          body: [{ type: 'paragraph', text: 'Nội dung.' }],
        },
      },
    ]);
    expect(await (await request.get('/sitemap.xml')).text()).toContain('/news/18/70202/');
    expect(await (await request.get('/news/18/rss.xml')).text()).toContain('Bài viết thêm sau để kiểm tra làm mới sơ đồ trang');
  });
});
