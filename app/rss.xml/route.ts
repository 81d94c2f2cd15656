import { loadRssFeed } from '@/db/cached/documents';
import { getEnv } from '@/env';
import { xmlResponse } from '@/lib/xml-response';

// Answered per request from Next's cache (db/cached/documents.ts), since SITE_URL is read at run time, not build time.
export const dynamic = 'force-dynamic';

export async function GET() {
  return xmlResponse((await loadRssFeed(getEnv().siteUrl))!, 'application/rss+xml');
}
