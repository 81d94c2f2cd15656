import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '@/lib/seo/json-ld';
import type { SiteIdentity } from '@/lib/seo/metadata';

const SITE = 'https://tin.example.vn';
// The builders return schema-dts types; the tests read their fields by name.
const record = (value: object): Record<string, unknown> => ({ ...value });
// Not the real config/site.ts: every value below must come from the identity passed in.
const IDENTITY: SiteIdentity = {
  name: 'Tin Mẫu',
  fullName: 'Đài Phát thanh và Truyền hình Mẫu',
  locale: 'vi_VN',
  publisher: { type: 'NewsMediaOrganization', name: 'Báo Mẫu', address: 'Số 1, phố Mẫu' },
  logoRaster: { src: '/brand/logo-600.png', width: 600, height: 600 },
  shareImage: { src: '/brand/share.jpg', width: 1200, height: 630, alt: 'Tin Mẫu' },
};

test('serialized JSON-LD cannot close its script element, and parses back to the same data', () => {
  const data = { headline: 'Tiêu đề </script><script>alert(1)</script> & <!-- \u2028' };
  const json = serializeJsonLd(data);
  assert.ok(!/[<>&\u2028]/.test(json));
  assert.deepEqual(JSON.parse(json), data);
});

test('NewsArticle carries everything search engines ask for', () => {
  const article = record(newsArticleJsonLd({
    siteUrl: SITE,
    site: IDENTITY,
    path: '/news/17/60431/tham-muu',
    headline: 'Tham mưu triển khai hiệu quả nhiều nhiệm vụ quan trọng',
    description: 'Mô tả',
    images: ['/media/crops/a-16x9.jpg', '/media/crops/a-4x3.jpg', '/media/crops/a-1x1.jpg'],
    datePublished: '2021-01-26T19:14:24+07:00',
    dateModified: '2021-01-27T08:00:00+07:00',
    authors: [{ name: 'Cao Biền', path: '/tac-gia/cao-bien' }],
    section: 'Chính trị',
    keywords: ['Văn phòng UBND tỉnh', 'Hội nghị tổng kết'],
  }));
  assert.equal(article['@type'], 'NewsArticle');
  assert.deepEqual(article.image, [`${SITE}/media/crops/a-16x9.jpg`, `${SITE}/media/crops/a-4x3.jpg`, `${SITE}/media/crops/a-1x1.jpg`]);
  assert.deepEqual(article.author, { '@type': 'Person', name: 'Cao Biền', url: `${SITE}/tac-gia/cao-bien` });
  assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': `${SITE}/news/17/60431/tham-muu` });
  assert.equal(article.keywords, 'Văn phòng UBND tỉnh, Hội nghị tổng kết');
  assert.equal(article.inLanguage, 'vi');
  const publisher = article.publisher as Record<string, unknown>;
  assert.equal(publisher['@type'], 'NewsMediaOrganization');
  assert.equal(publisher.name, 'Báo Mẫu');
  assert.equal(publisher.url, `${SITE}/`);
  assert.deepEqual(publisher.logo, { '@type': 'ImageObject', url: `${SITE}/brand/logo-600.png`, width: '600', height: '600' });
  assert.deepEqual(publisher.address, { '@type': 'PostalAddress', streetAddress: 'Số 1, phố Mẫu', addressCountry: 'VN' });
});

test('an article without a byline is credited to the publisher', () => {
  const article = record(newsArticleJsonLd({
    siteUrl: SITE, site: IDENTITY, path: '/x', headline: 'x', description: 'x', images: [], datePublished: 'x', dateModified: 'x', authors: [], section: 'x', keywords: [],
  }));
  assert.equal((article.author as Record<string, unknown>)['@type'], 'NewsMediaOrganization');
  assert.equal('image' in article, false);
  assert.equal('keywords' in article, false);
});

test('an article by several authors names each as a Person with the URL of their page', () => {
  const article = record(newsArticleJsonLd({
    siteUrl: SITE,
    site: IDENTITY,
    path: '/x',
    headline: 'x',
    description: 'x',
    images: [],
    datePublished: 'x',
    dateModified: 'x',
    authors: [
      { name: 'Cao Biền', path: '/tac-gia/cao-bien' },
      { name: 'Minh Thu', path: '/tac-gia/minh-thu' },
    ],
    section: 'x',
    keywords: [],
  }));
  assert.deepEqual(article.author, [
    { '@type': 'Person', name: 'Cao Biền', url: `${SITE}/tac-gia/cao-bien` },
    { '@type': 'Person', name: 'Minh Thu', url: `${SITE}/tac-gia/minh-thu` },
  ]);
});

test('BreadcrumbList numbers its items from 1 with absolute URLs', () => {
  assert.deepEqual(breadcrumbJsonLd(SITE, [{ name: 'Trang chủ', path: '/' }, { name: 'Chính trị', path: '/news/17' }]).itemListElement, [
    { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${SITE}/` },
    { '@type': 'ListItem', position: 2, name: 'Chính trị', item: `${SITE}/news/17` },
  ]);
});

test('WebSite names the site, points at its publisher and offers its search', () => {
  const site = record(websiteJsonLd(SITE, IDENTITY));
  assert.equal(site.name, 'Tin Mẫu');
  assert.equal(site.alternateName, 'Đài Phát thanh và Truyền hình Mẫu');
  assert.equal(site.url, `${SITE}/`);
  assert.deepEqual(site.publisher, { '@id': `${SITE}/#publisher` });
  assert.deepEqual(site.potentialAction, {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/tim-kiem?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  });
});

test('the Organization is the publisher the WebSite points at', () => {
  const org = record(organizationJsonLd(SITE, IDENTITY));
  assert.equal(org['@context'], 'https://schema.org');
  assert.equal(org['@type'], 'NewsMediaOrganization');
  assert.equal(org['@id'], `${SITE}/#publisher`);
  assert.equal(org.name, 'Báo Mẫu');
});

test('a listing is a CollectionPage whose main entity lists its articles by URL, numbered from 1', () => {
  const page = record(collectionPageJsonLd({
    siteUrl: SITE,
    path: '/tu-khoa/hoi-nghi?trang=2',
    name: 'Từ khóa: Hội nghị - Trang 2',
    description: 'Tin bài về Hội nghị.',
    items: [{ path: '/news/17/2/b' }, { path: '/news/18/1/a' }],
  }));
  assert.equal(page['@context'], 'https://schema.org');
  assert.equal(page['@type'], 'CollectionPage');
  assert.equal(page.url, `${SITE}/tu-khoa/hoi-nghi?trang=2`);
  assert.equal(page.name, 'Từ khóa: Hội nghị - Trang 2');
  assert.deepEqual(page.isPartOf, { '@id': `${SITE}/#website` });
  assert.deepEqual(page.mainEntity, {
    '@type': 'ItemList',
    numberOfItems: 2,
    itemListElement: [
      { '@type': 'ListItem', position: 1, url: `${SITE}/news/17/2/b` },
      { '@type': 'ListItem', position: 2, url: `${SITE}/news/18/1/a` },
    ],
  });
  const empty = record(collectionPageJsonLd({ siteUrl: SITE, path: '/news/20', name: 'x', description: 'x', items: [] }));
  assert.deepEqual(empty.mainEntity, { '@type': 'ItemList', numberOfItems: 0, itemListElement: [] });
});

test('an author page is a ProfilePage about a Person with the URL articles cite', () => {
  const page = record(profilePageJsonLd(SITE, { path: '/tac-gia/cao-bien?trang=2', person: { name: 'Cao Biền', path: '/tac-gia/cao-bien' } }));
  assert.equal(page['@context'], 'https://schema.org');
  assert.equal(page['@type'], 'ProfilePage');
  assert.equal(page.url, `${SITE}/tac-gia/cao-bien?trang=2`);
  assert.deepEqual(page.mainEntity, { '@type': 'Person', name: 'Cao Biền', url: `${SITE}/tac-gia/cao-bien` });
});

test('listing and profile JSON-LD is escaped like the article’s', () => {
  const json = serializeJsonLd(collectionPageJsonLd({ siteUrl: SITE, path: '/tu-khoa/x', name: 'Thẻ </script><!--', description: 'a & b', items: [] }));
  assert.ok(!/[<>&]/.test(json));
  assert.equal((JSON.parse(json) as { name: string }).name, 'Thẻ </script><!--');
});
