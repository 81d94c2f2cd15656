import { loadRssFeed } from '@/db/cached/documents';
import { getEnv } from '@/env';
import { parseId } from '@/lib/ids';
import { xmlNotFound, xmlResponse } from '@/lib/xml-response';

export async function GET(_request: Request, context: RouteContext<'/news/[categoryId]/rss.xml'>) {
  const id = parseId((await context.params).categoryId);
  const xml = id === null ? null : await loadRssFeed(getEnv().siteUrl, id);
  return xml ? xmlResponse(xml, 'application/rss+xml') : xmlNotFound();
}
