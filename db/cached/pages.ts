import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getArticleDetail } from '@/db/queries/articles';
import { getCategory, listCategories } from '@/db/queries/categories';
import { getHomePage } from '@/db/queries/home';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listCategoryArticles, listKeywordArticles } from '@/db/queries/listings';
import { listMostRead } from '@/db/queries/most-read';
import { listRelatedArticles } from '@/db/queries/related';
import { articleTag, categoryTag, HOME_TAG, keywordTag, MENU_TAG, MOST_READ_TAG } from '@/lib/cache-tags';

// What each page shows, read once and kept in Next's cache under the tags of everything in it. A page
// rendered from these carries their tags, so a content change (see lib/cache-tags.ts) expires exactly
// the pages that show what changed. Besides the tags, everything is re-read at most every 5 minutes:
// that is how new articles reach other articles' related rails and how "most read" moves.
// docs/decisions/0008-caching.md explains the design.

/** Cache lifetime of page data (and so of the pages): fresh 5 minutes, then refreshed in the background. */
export const PAGE_CACHE_LIFE = { stale: 300, revalidate: 300, expire: 3600 } as const;

/** The article and its related rail; null when there is no such published article. */
export async function loadArticlePage(id: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(articleTag(id));
  const article = getArticleDetail(id);
  if (!article) return null;
  const related = listRelatedArticles(article);
  // A rail shows other articles' titles: an edit to any of them expires this page too.
  cacheTag(...related.map((r) => articleTag(r.id)));
  return { article, related };
}

/** One page of a category's listing; null for an unknown category. */
export async function loadCategoryPage(categoryId: number, page: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(categoryTag(categoryId));
  const category = getCategory(categoryId);
  if (!category) return null;
  return { category, listing: listCategoryArticles({ categoryId, page }) };
}

/** One page of a keyword's listing; null for an unknown keyword. */
export async function loadKeywordPage(slug: string, page: number) {
  'use cache';
  cacheLife(PAGE_CACHE_LIFE);
  cacheTag(keywordTag(slug));
  const keyword = getKeywordBySlug(slug);
  if (!keyword) return null;
  return { keyword, listing: listKeywordArticles({ keywordId: keyword.id, page }) };
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
