/** An XML document for crawlers and feed readers; caches may keep it briefly (content changes revalidate it). */
export function xmlResponse(xml: string, type = 'application/xml'): Response {
  return new Response(xml, {
    headers: { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=60' },
  });
}

export function xmlNotFound(): Response {
  return new Response('Không tìm thấy.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
