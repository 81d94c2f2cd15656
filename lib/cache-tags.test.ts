import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagsForArticleChange, tagsForArticlePage, tagsForCategoryChange } from '@/lib/cache-tags';

describe('tagsForArticleChange', () => {
  it('expires a new article, its category, keywords and authors, home, the latest, sitemaps and feeds', () => {
    assert.deepEqual(tagsForArticleChange(null, { id: 7, categoryId: 17, keywordSlugs: ['thai-binh', 'nong-nghiep'], authorSlugs: ['cao-bien'] }), [
      'article:7',
      'category:17',
      'keyword:thai-binh',
      'keyword:nong-nghiep',
      'author:cao-bien',
      'home',
      'latest',
      'sitemaps',
      'feeds',
    ]);
  });

  it('expires the listings an article leaves as well as those it joins, once each', () => {
    const tags = tagsForArticleChange(
      { id: 7, categoryId: 17, keywordSlugs: ['a', 'b'], authorSlugs: ['cao-bien', 'minh-thu'] },
      { id: 7, categoryId: 18, keywordSlugs: ['b', 'c'], authorSlugs: ['minh-thu'] },
    );
    assert.deepEqual(tags.sort(), [
      'article:7',
      'author:cao-bien',
      'author:minh-thu',
      'category:17',
      'category:18',
      'feeds',
      'home',
      'keyword:a',
      'keyword:b',
      'keyword:c',
      'latest',
      'sitemaps',
    ]);
  });
});

describe('tagsForCategoryChange', () => {
  it('expires the menu and every listed category', () => {
    assert.deepEqual(tagsForCategoryChange([1, 2]), ['menu', 'category:1', 'category:2', 'home', 'sitemaps', 'feeds']);
  });
});

describe('tagsForArticlePage', () => {
  const article = { id: 7, categoryId: 17, keywordSlugs: ['thai-binh', 'nong-nghiep'] };

  it('a rail filled by shared keywords: the article, the articles shown and each keyword, not the category', () => {
    assert.deepEqual(tagsForArticlePage(article, { articleIds: [3, 4], filledFrom: { category: false, latest: false } }), [
      'article:7',
      'article:3',
      'article:4',
      'keyword:thai-binh',
      'keyword:nong-nghiep',
    ]);
  });

  it('a rail filled from the category, then from the latest: their tags too', () => {
    assert.deepEqual(tagsForArticlePage(article, { articleIds: [3], filledFrom: { category: true, latest: false } }).slice(-1), ['category:17']);
    assert.deepEqual(tagsForArticlePage({ ...article, keywordSlugs: [] }, { articleIds: [3], filledFrom: { category: true, latest: true } }), [
      'article:7',
      'article:3',
      'category:17',
      'latest',
    ]);
  });

  // The page and a change meet on a tag exactly when the change could alter the page's rail.
  const meet = (page: string[], change: string[]) => page.some((tag) => change.includes(tag));
  const newcomer = (categoryId: number, keywordSlugs: string[]) => tagsForArticleChange(null, { id: 99, categoryId, keywordSlugs, authorSlugs: [] });

  it('a new article sharing a keyword expires the page; one sharing nothing does not, unless the rail draws on its source', () => {
    const full = tagsForArticlePage(article, { articleIds: [1, 2, 3, 4, 5, 6], filledFrom: { category: false, latest: false } });
    assert.equal(meet(full, newcomer(30, ['nong-nghiep'])), true);
    assert.equal(meet(full, newcomer(17, ['khac'])), false);
    const fromCategory = tagsForArticlePage(article, { articleIds: [1, 2, 3, 4, 5, 6], filledFrom: { category: true, latest: false } });
    assert.equal(meet(fromCategory, newcomer(17, ['khac'])), true);
    assert.equal(meet(fromCategory, newcomer(30, ['khac'])), false);
    const fromLatest = tagsForArticlePage(article, { articleIds: [1, 2], filledFrom: { category: true, latest: true } });
    assert.equal(meet(fromLatest, newcomer(30, ['khac'])), true);
  });
});
