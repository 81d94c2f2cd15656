import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagsForArticleChange, tagsForCategoryChange } from '@/lib/cache-tags';

describe('tagsForArticleChange', () => {
  it('expires a new article, its category, keywords and authors, home, sitemaps and feeds', () => {
    assert.deepEqual(tagsForArticleChange(null, { id: 7, categoryId: 17, keywordSlugs: ['thai-binh', 'nong-nghiep'], authorSlugs: ['cao-bien'] }), [
      'article:7',
      'category:17',
      'keyword:thai-binh',
      'keyword:nong-nghiep',
      'author:cao-bien',
      'home',
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
      'sitemaps',
    ]);
  });
});

describe('tagsForCategoryChange', () => {
  it('expires the menu and every listed category', () => {
    assert.deepEqual(tagsForCategoryChange([1, 2]), ['menu', 'category:1', 'category:2', 'home', 'sitemaps', 'feeds']);
  });
});
