import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bylineAuthors, parseByline } from '@/lib/authors';
import fixture from '@/e2e/fixtures/seed-article.json';

test('the seed article’s byline is one author, with a slug without tones (đ as d)', () => {
  assert.deepEqual(bylineAuthors(fixture.article.author), [{ slug: 'cao-bien', name: 'Cao Biền' }]);
  assert.deepEqual(bylineAuthors('Đức Thịnh'), [{ slug: 'duc-thinh', name: 'Đức Thịnh' }]);
});

test('a byline of several names gives several authors, in order', () => {
  assert.deepEqual(bylineAuthors('Cao Biền - Minh Thu'), [
    { slug: 'cao-bien', name: 'Cao Biền' },
    { slug: 'minh-thu', name: 'Minh Thu' },
  ]);
  for (const byline of ['Cao Biền – Minh Thu', 'Cao Biền — Minh Thu', 'Cao Biền, Minh Thu', 'Cao Biền ,Minh Thu', ' Cao Biền  -  Minh Thu ']) {
    assert.deepEqual(bylineAuthors(byline).map((a) => a.slug), ['cao-bien', 'minh-thu'], byline);
  }
  assert.deepEqual(bylineAuthors('Hoàng Lâm - Bích Ngọc - Thu Hà').map((a) => a.name), ['Hoàng Lâm', 'Bích Ngọc', 'Thu Hà']);
});

test('a hyphen inside a name does not split it; white space inside a name is folded', () => {
  assert.deepEqual(bylineAuthors('Nguyễn Văn-An'), [{ slug: 'nguyen-van-an', name: 'Nguyễn Văn-An' }]);
  assert.deepEqual(bylineAuthors('Cao   Biền'), [{ slug: 'cao-bien', name: 'Cao Biền' }]);
  assert.deepEqual(bylineAuthors('Cao Biền'.normalize('NFD')), [{ slug: 'cao-bien', name: 'Cao Biền' }]);
});

test('one author per slug (the first spelling), and pieces that make no slug are no author', () => {
  assert.deepEqual(bylineAuthors('Thu Trang - THU TRANG - Quang Huy'), [
    { slug: 'thu-trang', name: 'Thu Trang' },
    { slug: 'quang-huy', name: 'Quang Huy' },
  ]);
  assert.deepEqual(bylineAuthors('!!! - Cao Biền'), [{ slug: 'cao-bien', name: 'Cao Biền' }]);
  assert.deepEqual(bylineAuthors(null), []);
  assert.deepEqual(bylineAuthors('  '), []);
  assert.deepEqual(bylineAuthors(' - '), []);
});

test('the parts give back the byline exactly, with the separators as text between the names', () => {
  for (const byline of ['Cao Biền - Minh Thu', ' Cao Biền  –  Minh Thu ', ', Cao Biền,', '!!! - Cao Biền', 'Cao Biền', '<b>đậm</b> &amp; - x']) {
    assert.equal(parseByline(byline).map((p) => p.text).join(''), byline, byline);
  }
  assert.deepEqual(parseByline('Cao Biền - Minh Thu'), [
    { text: 'Cao Biền', author: { slug: 'cao-bien', name: 'Cao Biền' } },
    { text: ' - ', author: null },
    { text: 'Minh Thu', author: { slug: 'minh-thu', name: 'Minh Thu' } },
  ]);
  assert.deepEqual(parseByline(' Cao Biền ').map((p) => [p.text, p.author?.slug ?? null]), [
    [' ', null],
    ['Cao Biền', 'cao-bien'],
    [' ', null],
  ]);
});

test('a very long name makes a slug of at most 120 characters, cut at a word', () => {
  const [author] = bylineAuthors('Phóng viên '.repeat(18).trim());
  assert.ok(author!.slug.length <= 120 && author!.slug.length > 100, author!.slug);
  assert.ok(`${'phong-vien-'.repeat(18)}`.startsWith(`${author!.slug}-`), author!.slug);
});
