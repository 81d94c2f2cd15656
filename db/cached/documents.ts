import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getRssFeed } from '@/db/queries/feeds';
import { getNewsSitemap, getSitemapPart, getSitemapRoot } from '@/db/queries/sitemap';
import { FEEDS_TAG, SITEMAPS_TAG } from '@/lib/cache-tags';

// Sitemaps and feeds, generated once and kept in Next's cache until a content change expires their tag.

const DOCUMENT_CACHE_LIFE = { stale: 300, revalidate: 3600, expire: 86_400 } as const;

export async function loadSitemapRoot(siteUrl: string) {
  'use cache';
  cacheLife(DOCUMENT_CACHE_LIFE);
  cacheTag(SITEMAPS_TAG);
  return getSitemapRoot(siteUrl);
}

export async function loadSitemapPart(siteUrl: string, name: string) {
  'use cache';
  cacheLife(DOCUMENT_CACHE_LIFE);
  cacheTag(SITEMAPS_TAG);
  return getSitemapPart(siteUrl, name);
}

/** The news sitemap covers the last two days, so it also moves with the clock: re-read every minute. */
export async function loadNewsSitemap(siteUrl: string) {
  'use cache';
  cacheLife({ stale: 60, revalidate: 60, expire: 3600 });
  cacheTag(SITEMAPS_TAG);
  return getNewsSitemap(siteUrl);
}

export async function loadRssFeed(siteUrl: string, categoryId?: number) {
  'use cache';
  cacheLife(DOCUMENT_CACHE_LIFE);
  cacheTag(FEEDS_TAG);
  return getRssFeed(siteUrl, categoryId);
}
