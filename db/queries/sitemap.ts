import { and, asc, count, desc, eq, gte, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, categories, images, keywords } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';
import { siteConfig } from '@/config/site';
import { toVietnamIso } from '@/lib/dates';
import { mediaUrl } from '@/lib/media';
import { absoluteUrl } from '@/lib/seo/metadata';
import {
  newsSitemapXml,
  planSitemaps,
  SITEMAP_MAX_URLS,
  sitemapIndexXml,
  urlsetXml,
  type SitemapEntry,
} from '@/lib/seo/sitemap-xml';
import { articlePath, categoryPath, keywordPath } from '@/lib/urls';

async function pageEntries(siteUrl: string): Promise<SitemapEntry[]> {
  const db = getDb();
  const [newest] = await db.select({ at: max(articles.updatedAt) }).from(articles).where(isPublished);
  const latest = newest?.at;
  const byCategory = new Map(
    (await db.select({ id: articles.categoryId, at: max(articles.updatedAt) }).from(articles).where(isPublished).groupBy(articles.categoryId)).map(
      (r) => [r.id, r.at],
    ),
  );
  const lastmod = (at: Date | null | undefined) => (at ? toVietnamIso(at) : undefined);
  return [
    { loc: absoluteUrl(siteUrl, '/'), lastmod: lastmod(latest) },
    ...(await db.select({ id: categories.id }).from(categories).orderBy(asc(categories.position), asc(categories.id))).map((c) => ({
      loc: absoluteUrl(siteUrl, categoryPath(c.id)),
      lastmod: lastmod(byCategory.get(c.id)),
    })),
    ...(await db.select({ slug: keywords.slug }).from(keywords).orderBy(asc(keywords.slug))).map((k) => ({ loc: absoluteUrl(siteUrl, keywordPath(k.slug)) })),
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

/** Home, categories and keyword pages: what the pages file lists, counted without building it. */
async function countPages(): Promise<number> {
  const db = getDb();
  const [categoryCount] = await db.select({ n: count() }).from(categories);
  const [keywordCount] = await db.select({ n: count() }).from(keywords);
  return 1 + (categoryCount?.n ?? 0) + (keywordCount?.n ?? 0);
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
  return urlsetXml(await articleEntries(siteUrl, { offset: (index - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS }));
}

const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_MAX = 1000;

/** Google News sitemap: articles published in the last two days, newest first, at most 1,000. */
export async function getNewsSitemap(siteUrl: string, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS);
  const rows = await getDb()
    .select({ id: articles.id, categoryId: articles.categoryId, slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublished, gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt))
    .limit(NEWS_MAX);
  return newsSitemapXml(
    rows.filter((r) => r.publishedAt.getTime() <= now.getTime()).map((r) => ({
      loc: absoluteUrl(siteUrl, articlePath(r)),
      title: r.title,
      publishedAt: toVietnamIso(r.publishedAt),
    })),
    { name: siteConfig.name, language: 'vi' },
  );
}
