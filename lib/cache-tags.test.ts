import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagsForArticleChange, tagsForCategoryChange } from '@/lib/cache-tags';

describe('tagsForArticleChange', () => {
  it('expires a new article, its category and keywords, home, sitemaps and feeds', () => {
    assert.deepEqual(tagsForArticleChange(null, { id: 7, categoryId: 17, keywordSlugs: ['thai-binh', 'nong-nghiep'] }), [
      'article:7',
      'category:17',
      'keyword:thai-binh',
      'keyword:nong-nghiep',
      'home',
      'sitemaps',
      'feeds',
    ]);
  });

  it('expires the listings an article leaves as well as those it joins, once each', () => {
    const tags = tagsForArticleChange(
      { id: 7, categoryId: 17, keywordSlugs: ['a', 'b'] },
      { id: 7, categoryId: 18, keywordSlugs: ['b', 'c'] },
    );
    assert.deepEqual(tags.sort(), ['article:7', 'category:17', 'category:18', 'feeds', 'home', 'keyword:a', 'keyword:b', 'keyword:c', 'sitemaps']);
  });
});

describe('tagsForCategoryChange', () => {
  it('expires the menu and every listed category', () => {
    assert.deepEqual(tagsForCategoryChange([1, 2]), ['menu', 'category:1', 'category:2', 'home', 'sitemaps', 'feeds']);
  });
});
