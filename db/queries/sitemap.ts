import { and, asc, count, desc, eq, gte, isNotNull, lte, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleKeywords, articles, categories, images, keywords } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';
import { siteConfig } from '@/config/site';
import { toVietnamIso } from '@/lib/dates';
import { mediaUrl } from '@/lib/media';
import { absoluteUrl } from '@/lib/seo/metadata';
import {
  isNonEmpty,
  newsSitemapXml,
  planSitemaps,
  SITEMAP_MAX_URLS,
  sitemapIndexXml,
  urlsetXml,
  type NonEmpty,
  type SitemapEntry,
} from '@/lib/seo/sitemap-xml';
import { articlePath, authorPath, categoryPath, keywordPath } from '@/lib/urls';

// A category, keyword or author is listed only while it has a published article (only then does its page list
// anything; a keyword or author with none answers 404), and its lastmod is when its newest published article came
// out: what changes the page the sitemap names, its first. All are read from indexes: the articles' (category_id,
// status, published_at), the keyword links' (keyword_id, published_at) and the author index's (author_slug,
// published_at), whose published_at is the article's while it is published and null otherwise (kept by the
// triggers of migrations 0006 and 0009; the keyword and author pages make the same test). Decisions 0020, 0021.

function listedCategories(): Promise<Array<{ id: number; at: Date | null }>> {
  return getDb()
    .select({ id: categories.id, at: max(articles.publishedAt) })
    .from(categories)
    // CROSS JOIN: from each category into that index, not from every published article's row (decision 0009).
    .crossJoin(articles)
    .where(and(eq(articles.categoryId, categories.id), isPublished))
    // Grouped in menu order, which the position index gives without sorting.
    .groupBy(categories.position, categories.id)
    .orderBy(asc(categories.position), asc(categories.id));
}

function listedKeywords(): Promise<Array<{ slug: string; at: Date | null }>> {
  return getDb()
    .select({ slug: keywords.slug, at: max(articleKeywords.publishedAt) })
    .from(keywords)
    .innerJoin(articleKeywords, and(eq(articleKeywords.keywordId, keywords.id), isNotNull(articleKeywords.publishedAt)))
    // By the unique slug, so that the slug index gives the order without sorting.
    .groupBy(keywords.slug)
    .orderBy(asc(keywords.slug));
}

function listedAuthors(): Promise<Array<{ slug: string; at: Date | null }>> {
  return getDb()
    .select({ slug: articleAuthors.authorSlug, at: max(articleAuthors.publishedAt) })
    .from(articleAuthors)
    .where(isNotNull(articleAuthors.publishedAt))
    // In the index's order: no sort.
    .groupBy(articleAuthors.authorSlug)
    .orderBy(asc(articleAuthors.authorSlug));
}

async function pageEntries(siteUrl: string): Promise<NonEmpty<SitemapEntry>> {
  const [[newest], listed, tagged, authors] = await Promise.all([
    getDb().select({ at: max(articles.updatedAt) }).from(articles).where(isPublished),
    listedCategories(),
    listedKeywords(),
    listedAuthors(),
  ]);
  const lastmod = (at: Date | null | undefined) => (at ? toVietnamIso(at) : undefined);
  return [
    { loc: absoluteUrl(siteUrl, '/'), lastmod: lastmod(newest?.at) },
    ...listed.map((c) => ({ loc: absoluteUrl(siteUrl, categoryPath(c.id)), lastmod: lastmod(c.at) })),
    ...tagged.map((k) => ({ loc: absoluteUrl(siteUrl, keywordPath(k.slug)), lastmod: lastmod(k.at) })),
    ...authors.map((a) => ({ loc: absoluteUrl(siteUrl, authorPath(a.slug)), lastmod: lastmod(a.at) })),
  ];
}

async function articleEntries(siteUrl: string, { offset, limit }: { offset: number; limit: number }): Promise<SitemapEntry[]> {
  const rows = await getDb()
    .select({
      id: articles.id,
      categoryId: articles.categoryId,
      slug: articles.slug,
      updatedAt: articles.updatedAt,
      imageFile: images.file,
    })
    .from(articles)
    .leftJoin(images, eq(images.id, articles.leadImageId))
    .where(isPublished)
    .orderBy(asc(articles.id))
    .limit(limit)
    .offset(offset);
  return rows.map((a) => ({
      loc: absoluteUrl(siteUrl, articlePath(a)),
      lastmod: toVietnamIso(a.updatedAt),
      image: a.imageFile ? absoluteUrl(siteUrl, mediaUrl(a.imageFile)) : undefined,
    }));
}

async function countPublished(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(articles).where(isPublished);
  return row?.n ?? 0;
}

/** Home, category, keyword and author pages: what the pages file lists, counted by the same queries. */
async function countPages(): Promise<number> {
  const [listed, tagged, authors] = await Promise.all([listedCategories(), listedKeywords(), listedAuthors()]);
  return 1 + listed.length + tagged.length + authors.length;
}

/**
 * `/sitemap.xml`: every URL in one file while they fit in 50,000; past that, an index over
 * `/sitemaps/pages.xml` and `/sitemaps/articles-<n>.xml`.
 */
export async function getSitemapRoot(siteUrl: string): Promise<string> {
  const plan = planSitemaps(await countPages(), await countPublished());
  if (plan.single) return urlsetXml([...(await pageEntries(siteUrl)), ...(await articleEntries(siteUrl, { offset: 0, limit: SITEMAP_MAX_URLS }))]);
  return sitemapIndexXml([
    { loc: absoluteUrl(siteUrl, '/sitemaps/pages.xml') },
    ...Array.from({ length: plan.articleFiles }, (_, i) => ({ loc: absoluteUrl(siteUrl, `/sitemaps/articles-${i + 1}.xml`) })),
  ]);
}

/** A part of the sitemap index by name (`pages.xml`, `articles-1.xml` ...), or null if there is no such part. */
export async function getSitemapPart(siteUrl: string, name: string): Promise<string | null> {
  const match = /^(?:(pages)|articles-([1-9]\d{0,5}))\.xml$/.exec(name);
  if (!match) return null;
  const plan = planSitemaps(await countPages(), await countPublished());
  if (plan.single) return null;
  if (match[1]) return urlsetXml(await pageEntries(siteUrl));
  const index = Number(match[2]);
  if (index > plan.articleFiles) return null;
  const entries = await articleEntries(siteUrl, { offset: (index - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS });
  // Empty only if articles were taken down between the count and this read: gone, rather than an invalid file.
  return isNonEmpty(entries) ? urlsetXml(entries) : null;
}

const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_MAX = 1000;

/**
 * Google News sitemap: articles published in the last two days, newest first, at most 1,000, with news metadata.
 * With none that recent it lists the newest published article (or, on a site with none, home) as a plain URL, as
 * Google allows for older articles: a `urlset` must have a `url`, and the file stays where robots.txt says it is
 * (decision 0020).
 */
export async function getNewsSitemap(siteUrl: string, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS);
  const rows = await getDb()
    .select({ id: articles.id, categoryId: articles.categoryId, slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublished, gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt))
    .limit(NEWS_MAX);
  const recent = rows.filter((r) => r.publishedAt.getTime() <= now.getTime()).map((r) => ({
    loc: absoluteUrl(siteUrl, articlePath(r)),
    title: r.title,
    publishedAt: toVietnamIso(r.publishedAt),
  }));
  if (isNonEmpty(recent)) return newsSitemapXml(recent, { name: siteConfig.name, language: 'vi' });
  return urlsetXml([(await newestArticleEntry(siteUrl, now)) ?? { loc: absoluteUrl(siteUrl, '/') }]);
}

async function newestArticleEntry(siteUrl: string, now: Date): Promise<SitemapEntry | null> {
  const [row] = await getDb()
    .select({ id: articles.id, categoryId: articles.categoryId, slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(isPublished, lte(articles.publishedAt, now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(1);
  return row ? { loc: absoluteUrl(siteUrl, articlePath(row)), lastmod: toVietnamIso(row.updatedAt) } : null;
}
