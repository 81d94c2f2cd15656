import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, categories } from '@/db/schema';
import { getCategory } from '@/db/queries/categories';
import { isPublished } from '@/db/queries/teasers';
import { siteConfig } from '@/config/site';
import { toRfc822Vietnam } from '@/lib/dates';
import { rssXml } from '@/lib/seo/rss';
import { absoluteUrl } from '@/lib/seo/metadata';
import { articlePath, categoryFeedPath, categoryPath } from '@/lib/urls';

export const FEED_SIZE = 50;

/** RSS 2.0 of the latest 50 articles, of the whole site or of one category (null for an unknown category). */
export async function getRssFeed(siteUrl: string, categoryId?: number): Promise<string | null> {
  const category = categoryId === undefined ? null : await getCategory(categoryId);
  if (categoryId !== undefined && !category) return null;
  const rows = await getDb()
    .select({
      id: articles.id,
      categoryId: articles.categoryId,
      slug: articles.slug,
      title: articles.title,
      sapo: articles.sapo,
      publishedAt: articles.publishedAt,
      categoryName: categories.name,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(category ? and(isPublished, eq(articles.categoryId, category.id)) : isPublished)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(FEED_SIZE);
  return rssXml(
    {
      title: category ? `${category.name} – ${siteConfig.name}` : `${siteConfig.name} – Tin mới nhất`,
      link: absoluteUrl(siteUrl, category ? categoryPath(category.id) : '/'),
      selfLink: absoluteUrl(siteUrl, category ? categoryFeedPath(category.id) : '/rss.xml'),
      description: category ? `Tin ${category.name} của ${siteConfig.fullName}.` : siteConfig.description,
      lastBuildDate: rows[0] ? toRfc822Vietnam(rows[0].publishedAt) : undefined,
    },
    rows.map((r) => ({
      title: r.title,
      link: absoluteUrl(siteUrl, articlePath(r)),
      description: r.sapo,
      pubDate: toRfc822Vietnam(r.publishedAt),
      category: r.categoryName,
    })),
  );
}
