// Cache tags: every cached page and document says what it shows, and every content change says what it
// touched, in these words. A change expires exactly the pages that carry one of its tags.

export const HOME_TAG = 'home';
export const MENU_TAG = 'menu';
export const SITEMAPS_TAG = 'sitemaps';
export const FEEDS_TAG = 'feeds';
export const MOST_READ_TAG = 'most-read';

/** The article's own page and every page that shows it (listings, related rails). */
export const articleTag = (id: number) => `article:${id}`;
/** Every listing page of the category, and its feed. */
export const categoryTag = (id: number) => `category:${id}`;
/** Every listing page of the keyword. */
export const keywordTag = (slug: string) => `keyword:${slug}`;
/** Every listing page of the author (lib/authors.ts gives the slugs of a byline). */
export const authorTag = (slug: string) => `author:${slug}`;

/** What an article looks like to the caches: where it is listed. Null when it did not exist. */
export interface ArticlePlacement {
  id: number;
  categoryId: number;
  keywordSlugs: readonly string[];
  authorSlugs: readonly string[];
}

/**
 * The tags an article change expires: the article (its page and every rail or list that shows it), the
 * category, keyword and author listings it leaves or joins, the home page, sitemaps and feeds.
 */
export function tagsForArticleChange(before: ArticlePlacement | null, after: ArticlePlacement): string[] {
  const tags = new Set<string>([articleTag(after.id)]);
  for (const placement of before ? [before, after] : [after]) {
    tags.add(categoryTag(placement.categoryId));
    for (const slug of placement.keywordSlugs) tags.add(keywordTag(slug));
    for (const slug of placement.authorSlugs) tags.add(authorTag(slug));
  }
  for (const tag of [HOME_TAG, SITEMAPS_TAG, FEEDS_TAG]) tags.add(tag);
  return [...tags];
}

/** The tags a change to the category list expires: the menu on every page, the listings, home, sitemaps, feeds. */
export function tagsForCategoryChange(categoryIds: readonly number[]): string[] {
  return [MENU_TAG, ...categoryIds.map(categoryTag), HOME_TAG, SITEMAPS_TAG, FEEDS_TAG];
}
