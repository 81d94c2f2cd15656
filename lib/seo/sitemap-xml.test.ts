import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { newsSitemapXml, planSitemaps, sitemapIndexXml, urlsetXml } from '@/lib/seo/sitemap-xml';
import { rssXml } from '@/lib/seo/rss';
import { escapeXml } from '@/lib/xml';

const parser = new XMLParser({ ignoreAttributes: false });

test('one sitemap file while everything fits in 50,000 URLs, an index past that', () => {
  assert.deepEqual(planSitemaps(100, 49_900), { single: true });
  assert.deepEqual(planSitemaps(101, 49_900), { single: false, articleFiles: 1 });
  assert.deepEqual(planSitemaps(300, 120_000), { single: false, articleFiles: 3 });
});

test('special characters and XML-illegal control characters never break a document', () => {
  const nasty = 'A & B <c> "d" \'e\' \u0001\u0008\uFFFE Ðại hội';
  assert.equal(escapeXml(nasty), 'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;  Ðại hội');
  const docs = [
    urlsetXml([{ loc: `https://x.vn/?a=1&b=${nasty}`, lastmod: '2021-01-26T19:14:24+07:00', image: 'https://x.vn/a.jpg' }]),
    sitemapIndexXml([{ loc: 'https://x.vn/sitemaps/pages.xml' }]),
    newsSitemapXml([{ loc: 'https://x.vn/a', title: nasty, publishedAt: '2021-01-26T19:14:24+07:00' }], { name: 'Thái Bình TV', language: 'vi' }),
    rssXml(
      { title: nasty, link: 'https://x.vn/', selfLink: 'https://x.vn/rss.xml', description: nasty },
      [{ title: nasty, link: 'https://x.vn/a?x=1&y=2', description: '<script>alert(1)</script>', pubDate: 'Tue, 26 Jan 2021 19:14:24 +0700', category: 'Chính trị' }],
    ),
  ];
  for (const doc of docs) assert.equal(XMLValidator.validate(doc), true, doc);
  const item = parser.parse(docs[3]!).rss.channel.item;
  assert.equal(item.description, '<script>alert(1)</script>');
  assert.equal(item.title, 'A & B <c> "d" \'e\'  Ðại hội');
  assert.deepEqual(item.guid, { '#text': 'https://x.vn/a?x=1&y=2', '@_isPermaLink': 'true' });
});

test('the news sitemap names the publication and its language', () => {
  const doc = parser.parse(newsSitemapXml([{ loc: 'https://x.vn/a', title: 'Tin', publishedAt: '2021-01-26T19:14:24+07:00' }], { name: 'Thái Bình TV', language: 'vi' }));
  assert.deepEqual(doc.urlset.url['news:news']['news:publication'], { 'news:name': 'Thái Bình TV', 'news:language': 'vi' });
});
