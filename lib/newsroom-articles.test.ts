import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleListHref, articleVisibility, readArticleListParams, titleSearchPattern, type ArticleVisibility } from '@/lib/newsroom-articles';
import { canSeeArticle, type ArticleFacts } from '@/lib/newsroom-permissions';
import { STAFF_ROLES } from '@/lib/staff-roles';

// What the list's SQL is built from (articleVisibility) must say what canSeeArticle says, for every role, every
// category set and every kind of article; the contract test then checks the SQL against canSeeArticle itself.

function sees(visibility: ArticleVisibility, article: ArticleFacts): boolean {
  if (visibility.kind === 'none') return false;
  if (visibility.kind === 'all') return true;
  return article.createdBy === visibility.createdBy || visibility.categoryIds.includes(article.categoryId);
}

test('the list’s visibility agrees with canSeeArticle for every role, category set and article', () => {
  const articles: ArticleFacts[] = [];
  for (const createdBy of ['me', 'other', null]) {
    for (const categoryId of [17, 18, 29]) for (const status of ['draft', 'published'] as const) articles.push({ createdBy, categoryId, status });
  }
  let compared = 0;
  for (const role of STAFF_ROLES) {
    for (const categoryIds of [[], [17], [17, 18]]) {
      const viewer = { id: 'me', role, categoryIds };
      for (const article of articles) {
        assert.equal(sees(articleVisibility(viewer), article), canSeeArticle(viewer, article), `${role} ${JSON.stringify(categoryIds)} ${JSON.stringify(article)}`);
        compared++;
      }
    }
  }
  assert.equal(compared, 4 * 3 * 18);
});

test('a lanh-dao sees everything, a quan-tri nothing, a reporter their own and their categories’', () => {
  assert.deepEqual(articleVisibility({ id: 'a', role: 'lanh-dao', categoryIds: [] }), { kind: 'all' });
  assert.deepEqual(articleVisibility({ id: 'a', role: 'quan-tri', categoryIds: [17] }), { kind: 'none' });
  assert.deepEqual(articleVisibility({ id: 'a', role: 'phong-vien', categoryIds: [17] }), { kind: 'own-and-categories', createdBy: 'a', categoryIds: [17] });
});

test('the list’s URL is read back into its filters; the author is typed as a name and searched as a slug', () => {
  assert.deepEqual(readArticleListParams({ q: ' Thái Bình ', 'trang-thai': 'nhap', 'chuyen-muc': '17', 'tac-gia': 'Cao Biền', trang: '3' }), {
    filters: { q: 'Thái Bình', status: 'draft', categoryId: 17, author: 'cao-bien' },
    page: 3,
    authorText: 'Cao Biền',
  });
  assert.deepEqual(readArticleListParams({ 'trang-thai': 'da-xuat-ban', 'tac-gia': 'cao-bien' }).filters, { status: 'published', author: 'cao-bien' });
  assert.deepEqual(readArticleListParams({}), { filters: {}, page: 1, authorText: '' });
});

test('garbage in the query string is dropped, never an error', () => {
  const garbage = [
    { q: '   ', 'trang-thai': 'draft', 'chuyen-muc': '-1', 'tac-gia': '!!!', trang: '0' },
    { 'trang-thai': 'published', 'chuyen-muc': '1.5', trang: '1e3' },
    { 'chuyen-muc': 'abc', trang: '99999999999999999999' },
    { 'trang-thai': '__proto__', 'chuyen-muc': '', trang: '-2' },
  ];
  for (const query of garbage) assert.deepEqual(readArticleListParams(query).filters, {}, JSON.stringify(query));
  for (const query of garbage) assert.equal(readArticleListParams(query).page, 1, JSON.stringify(query));
  assert.equal(readArticleListParams({ 'tac-gia': '!!!' }).authorText, '');
  // A repeated field counts once (its first value); an overlong one is dropped.
  assert.deepEqual(readArticleListParams({ q: ['một', 'hai'], 'chuyen-muc': ['18', '19'] }).filters, { q: 'một', categoryId: 18 });
  assert.deepEqual(readArticleListParams({ q: 'x'.repeat(201), 'tac-gia': 'y'.repeat(201) }).filters, {});
});

test('a list URL keeps every filter and the page, and says nothing of what is not set', () => {
  assert.equal(articleListHref({}), '/toa-soan');
  assert.equal(articleListHref({}, 1), '/toa-soan');
  const href = articleListHref({ q: 'thai binh & 100%', status: 'published', categoryId: 17, authorText: 'Cao Biền' }, 2);
  assert.equal(href, '/toa-soan?q=thai+binh+%26+100%25&trang-thai=da-xuat-ban&chuyen-muc=17&tac-gia=Cao+Bi%E1%BB%81n&trang=2');
  const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
  assert.deepEqual(readArticleListParams(params), {
    filters: { q: 'thai binh & 100%', status: 'published', categoryId: 17, author: 'cao-bien' },
    page: 2,
    authorText: 'Cao Biền',
  });
});

test('a title search is folded like the titles, and %, _ and \\ match only themselves', () => {
  assert.equal(titleSearchPattern('THÁI  Bình'), '%thai binh%');
  assert.equal(titleSearchPattern('Đường'), '%duong%');
  assert.equal(titleSearchPattern('100%'), '%100\\%%');
  assert.equal(titleSearchPattern('DA_01'), '%da\\_01%');
  assert.equal(titleSearchPattern('a\\b'), '%a\\\\b%');
  assert.equal(titleSearchPattern(' \t '), null);
});
