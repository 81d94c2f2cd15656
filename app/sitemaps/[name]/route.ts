import { loadSitemapPart } from '@/db/cached/documents';
import { getEnv } from '@/env';
import { xmlNotFound, xmlResponse } from '@/lib/xml-response';

export async function GET(_request: Request, context: RouteContext<'/sitemaps/[name]'>) {
  const xml = await loadSitemapPart(getEnv().siteUrl, (await context.params).name);
  return xml ? xmlResponse(xml) : xmlNotFound();
}
