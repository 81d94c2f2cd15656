import { getSitemapRoot } from '@/db/queries/sitemap';
import { getEnv } from '@/env';
import { xmlResponse } from '@/lib/xml-response';

// Built per request from the database and SITE_URL (never at build time); the documents themselves are cached in memory.
export const dynamic = 'force-dynamic';

export function GET() {
  return xmlResponse(getSitemapRoot(getEnv().siteUrl));
}
