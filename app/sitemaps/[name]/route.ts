import { getSitemapPart } from '@/db/queries/sitemap';
import { getEnv } from '@/env';
import { xmlNotFound, xmlResponse } from '@/lib/xml-response';

export async function GET(_request: Request, context: RouteContext<'/sitemaps/[name]'>) {
  const xml = getSitemapPart(getEnv().siteUrl, (await context.params).name);
  return xml ? xmlResponse(xml) : xmlNotFound();
}
