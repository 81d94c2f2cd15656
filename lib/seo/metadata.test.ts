import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleMetadata, pageMetadata, type SiteIdentity } from '@/lib/seo/metadata';

const SITE = 'http://localhost:3000';
// Not the real config/site.ts: the site name, locale and share image must come from the identity passed in.
const IDENTITY: SiteIdentity = {
  name: 'Tin Mẫu',
  fullName: 'Đài Phát thanh và Truyền hình Mẫu',
  locale: 'vi_VN',
  publisher: { type: 'GovernmentOrganization', name: 'Đài Mẫu', address: 'Số 1, phố Mẫu' },
  logoRaster: { src: '/brand/logo-600.png', width: 600, height: 600 },
  shareImage: { src: '/brand/share.jpg', width: 1200, height: 630, alt: 'Tin Mẫu – Đài Phát thanh và Truyền hình Mẫu' },
};
const long = 'Chiều 26/01/2021, Văn phòng UBND tỉnh Thái Bình tổ chức Hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ và phát động thi đua năm 2021. Đồng chí Lại Văn Hoàn dự.';

test('a page gets an absolute canonical, a description of at most 160 characters and the default share image', () => {
  const m = pageMetadata({ title: 'Chính trị', description: long, path: '/news/17', siteUrl: SITE, site: IDENTITY });
  assert.equal(m.alternates?.canonical, `${SITE}/news/17`);
  assert.ok((m.description as string).length <= 160);
  assert.ok(long.startsWith((m.description as string).slice(0, -1)));
  const og = m.openGraph as Record<string, unknown>;
  assert.equal(og.siteName, 'Tin Mẫu');
  assert.equal(og.locale, 'vi_VN');
  assert.equal(og.url, `${SITE}/news/17`);
  assert.deepEqual(og.images, [{ url: `${SITE}/brand/share.jpg`, width: 1200, height: 630, alt: 'Tin Mẫu – Đài Phát thanh và Truyền hình Mẫu' }]);
  assert.equal((m.twitter as Record<string, unknown>).card, 'summary_large_image');
});

test('feeds are announced and search pages can be kept out of the index', () => {
  const m = pageMetadata({ title: 't', description: 'd', path: '/', siteUrl: SITE, site: IDENTITY, feeds: [{ path: '/rss.xml', title: 'Tin mới' }], noindex: true });
  assert.deepEqual(m.alternates?.types, { 'application/rss+xml': [{ url: `${SITE}/rss.xml`, title: 'Tin mới' }] });
  assert.deepEqual(m.robots, { index: false, follow: true });
});

test('an article adds og:type article, its times with +07:00, section and one tag per keyword', () => {
  const m = articleMetadata({
    title: 'Tiêu đề',
    description: 'Mô tả',
    path: '/news/17/1/tieu-de',
    siteUrl: SITE,
    site: IDENTITY,
    image: { url: `${SITE}/media/crops/a-og.jpg`, width: 1200, height: 630, alt: 'Ảnh' },
    publishedTime: '2021-01-26T19:14:24+07:00',
    modifiedTime: '2021-01-26T20:00:00+07:00',
    section: 'Chính trị',
    tags: ['A', 'B'],
  });
  const og = m.openGraph as Record<string, unknown>;
  assert.equal(og.type, 'article');
  assert.equal(og.publishedTime, '2021-01-26T19:14:24+07:00');
  assert.equal(og.section, 'Chính trị');
  assert.deepEqual(og.tags, ['A', 'B']);
  assert.deepEqual(og.images, [{ url: `${SITE}/media/crops/a-og.jpg`, width: 1200, height: 630, alt: 'Ảnh' }]);
});
