import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldVietnamese, slugify } from '@/lib/vietnamese';
import fixture from '@/e2e/fixtures/seed-article.json';

test('the fixture’s three slugs are reproduced from their titles', () => {
  const articles = [fixture.article, ...fixture.otherKnownArticles];
  assert.equal(articles.length, 3);
  for (const article of articles) assert.equal(slugify(article.title), article.slug);
});

test('đ, Đ and Ð (U+00D0) all become d', () => {
  assert.equal(slugify('Đồng chí đại biểu'), 'dong-chi-dai-bieu');
  assert.equal(slugify('Ðại hội XIII của Ðảng'), 'dai-hoi-xiii-cua-dang');
  assert.equal(foldVietnamese('ĐđÐ'), 'ddd');
});

test('tones and marks are removed from every vowel', () => {
  assert.equal(slugify('Hội nghị tổng kết'), 'hoi-nghi-tong-ket');
  assert.equal(slugify('ăâêôơư ÁÀẢÃẠ ỳýỷỹỵ'), 'aaeoou-aaaaa-yyyyy');
});

test('decomposed (NFD) input gives the same slug as composed text', () => {
  assert.equal(slugify('Thái Bình'.normalize('NFD')), 'thai-binh');
});

test('punctuation and spaces collapse into single hyphens, none at the ends', () => {
  assert.equal(slugify('  “Chuẩn bị” – và: tiến hành!  '), 'chuan-bi-va-tien-hanh');
  assert.equal(slugify('Covid-19: 84% hồ sơ'), 'covid-19-84-ho-so');
});

test('a very long title is cut at a word boundary', () => {
  const slug = slugify('Tham mưu triển khai hiệu quả nhiều nhiệm vụ quan trọng '.repeat(5), 60);
  assert.ok(slug.length <= 60);
  assert.ok(!slug.endsWith('-'));
  assert.ok('tham-muu-trien-khai-hieu-qua-nhieu-nhiem-vu-quan-trong-tham-muu'.startsWith(slug));
});
