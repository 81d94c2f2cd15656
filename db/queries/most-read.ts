import { and, desc, eq, gte, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleViews } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';
import type { MostReadItem } from '@/lib/types';

export type { MostReadItem } from '@/lib/types';

const WINDOW_DAYS = 30;
const REFRESH_MS = 60_000;

const columns = { id: articles.id, categoryId: articles.categoryId, slug: articles.slug, title: articles.title, views: articleViews.views };

// Each query starts from its small side, fixed with CROSS JOIN (SQLite keeps the written order of a CROSS JOIN):
// the last 30 days from the articles' publication index, all time from the top of the views index, stopping
// as soon as it has enough published articles.
function topRecent(limit: number, since: Date): Promise<MostReadItem[]> {
  return getDb()
    .select(columns)
    .from(articles)
    .crossJoin(articleViews)
    .where(and(isPublished, gte(articles.publishedAt, since), eq(articleViews.articleId, articles.id)))
    .orderBy(desc(articleViews.views), desc(articles.publishedAt))
    .limit(limit);
}

function topAllTime(limit: number, exclude: number[]): Promise<MostReadItem[]> {
  return getDb()
    .select(columns)
    .from(articleViews)
    .crossJoin(articles)
    .where(and(eq(articles.id, articleViews.articleId), isPublished, exclude.length ? notInArray(articles.id, exclude) : undefined))
    .orderBy(desc(articleViews.views), desc(articles.publishedAt))
    .limit(limit);
}

/** The most read articles published in the last 30 days, topped up from all time when there are too few. */
export async function computeMostRead(limit = 5, now = new Date()): Promise<MostReadItem[]> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const recent = await topRecent(limit, since);
  if (recent.length >= limit) return recent;
  return [...recent, ...(await topAllTime(limit - recent.length, recent.map((a) => a.id)))];
}

// Kept for a minute per process: pages show it without a query of their own most of the time.
let cached: { at: number; items: Promise<MostReadItem[]> } | null = null;

export function listMostRead(): Promise<MostReadItem[]> {
  const now = Date.now();
  if (!cached || now - cached.at > REFRESH_MS) {
    const items = computeMostRead();
    cached = { at: now, items };
    // A failed read is not kept: the next call tries again.
    items.catch(() => {
      if (cached?.items === items) cached = null;
    });
  }
  return cached.items;
}
