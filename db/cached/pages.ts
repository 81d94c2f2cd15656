import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { cache } from 'react';
import { getArticleDetail } from '@/db/queries/articles';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getCategory, listCategories } from '@/db/queries/categories';
import { getHomePage } from '@/db/queries/home';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listAuthorArticles, listCategoryArticles, listKeywordArticles } from '@/db/queries/listings';
import { listMostRead } from '@/db/queries/most-read';
import { listRelatedRail } from '@/db/queries/related';
import { articleTag, authorTag, categoryTag, HOME_TAG, keywordTag, MENU_TAG, MOST_READ_TAG, tagsForArticlePage } from '@/lib/cache-tags';

// What each page shows, read once and kept in Next's cache under the tags of everything in it. A page
// rendered from these carries their tags, so a content change (see lib/cache-tags.ts) expires exactly
// the pages that show what changed, an article page's related rail included (tagsForArticlePage). Besides the
// tags, everything is re-read at most every 5 minutes: that is how "most read" moves.
// docs/decisions/0008-caching.md explains the design. Loaders that a page's metadata and body both call are
// also memoised per request (React `cache`), so the second call does not even decode the cached copy.

/** Cache lifetime of page data (and so of the pages): fresh 5 minutes, then refreshed in the background. */
export const PAGE_CACHE_LIFE = { stale: 300, revalidate: 300, expire: 3600 } as const;

/** The article and its related rail; null when there is no such published article. */
async function loadArticlePageCached(id: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(articleTag(id));
  const article = await getArticleDetail(id);
  if (!article) return null;
  const { articles: related, filledFrom } = await listRelatedRail(article);
  const keywordSlugs = article.keywords.map((k) => k.slug);
  cacheTag(...tagsForArticlePage({ id, categoryId: article.categoryId, keywordSlugs }, { articleIds: related.map((r) => r.id), filledFrom }));
  return { article, related };
}

/** One page of a category's listing; null for an unknown category. */
async function loadCategoryPageCached(categoryId: number, page: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(categoryTag(categoryId));
  const category = await getCategory(categoryId);
  if (!category) return null;
  return { category, listing: await listCategoryArticles({ categoryId, page }) };
}

/** One page of a keyword's listing; null for an unknown keyword. */
async function loadKeywordPageCached(slug: string, page: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(keywordTag(slug));
  const keyword = await getKeywordBySlug(slug);
  if (!keyword) return null;
  return { keyword, listing: await listKeywordArticles({ keywordId: keyword.id, page }) };
}

/** One page of an author's listing; null for a slug no published article's byline has. */
async function loadAuthorPageCached(slug: string, page: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(authorTag(slug));
  const author = await getAuthorBySlug(slug);
  if (!author) return null;
  return { author, listing: await listAuthorArticles({ slug, page }) };
}

export async function loadHomePage() {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(HOME_TAG);
  return getHomePage();
}

/** The category menu in the header of every page. */
export async function loadMenu() {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(MENU_TAG);
  return listCategories();
}

/** The "most read" rail: it moves with every view, so it is simply re-read every 5 minutes. */
export async function loadMostRead() {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(MOST_READ_TAG);
  return listMostRead();
}

export const loadArticlePage = cache(loadArticlePageCached);
export const loadCategoryPage = cache(loadCategoryPageCached);
export const loadKeywordPage = cache(loadKeywordPageCached);
export const loadAuthorPage = cache(loadAuthorPageCached);
