// Cache tags: every cached page and document says what it shows, and every content change says what it
// touched, in these words. A change expires exactly the pages that carry one of its tags.

export const HOME_TAG = 'home';
export const MENU_TAG = 'menu';
export const SITEMAPS_TAG = 'sitemaps';
export const FEEDS_TAG = 'feeds';
export const MOST_READ_TAG = 'most-read';
/** Every page that shows the newest articles of the whole site: related rails filled from them. */
export const LATEST_TAG = 'latest';

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
 * category, keyword and author listings it leaves or joins (and the related rails that draw on them), the home
 * page, the site's latest articles, sitemaps and feeds.
 */
export function tagsForArticleChange(before: ArticlePlacement | null, after: ArticlePlacement): string[] {
  const tags = new Set<string>([articleTag(after.id)]);
  for (const placement of before ? [before, after] : [after]) {
    tags.add(categoryTag(placement.categoryId));
    for (const slug of placement.keywordSlugs) tags.add(keywordTag(slug));
    for (const slug of placement.authorSlugs) tags.add(authorTag(slug));
  }
  for (const tag of [HOME_TAG, LATEST_TAG, SITEMAPS_TAG, FEEDS_TAG]) tags.add(tag);
  return [...tags];
}

/** Which fills a related rail needed after the articles sharing keywords (db/queries/related.ts). */
export type RailFills = { category: boolean; latest: boolean };

/**
 * The tags of an article's page: the article; each article its related rail shows (an edit to one changes the
 * rail); and every source another article could enter the rail from, so that a new or changed article reaches
 * the rail as soon as it reaches the listings. The rail ranks articles sharing the article's keywords first, and
 * a newcomer sharing one may always outrank a shown one: each keyword's tag. The same category and then the
 * site's latest fill what is left; when the rail was full before a fill, nothing from that source can enter
 * (the articles that filled it are tagged, so one leaving the rail brings the fill back): its tag only if used.
 */
export function tagsForArticlePage(
  article: { id: number; categoryId: number; keywordSlugs: readonly string[] },
  rail: { articleIds: readonly number[]; filledFrom: RailFills },
): string[] {
  const tags = new Set<string>([articleTag(article.id)]);
  for (const id of rail.articleIds) tags.add(articleTag(id));
  for (const slug of article.keywordSlugs) tags.add(keywordTag(slug));
  if (rail.filledFrom.category) tags.add(categoryTag(article.categoryId));
  if (rail.filledFrom.latest) tags.add(LATEST_TAG);
  return [...tags];
}

/** The tags a change to the category list expires: the menu on every page, the listings, home, sitemaps, feeds. */
export function tagsForCategoryChange(categoryIds: readonly number[]): string[] {
  return [MENU_TAG, ...categoryIds.map(categoryTag), HOME_TAG, SITEMAPS_TAG, FEEDS_TAG];
}
