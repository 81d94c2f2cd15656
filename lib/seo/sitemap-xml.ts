import { escapeXml } from '@/lib/xml';

// Builders for sitemaps (sitemaps.org, Google image and news extensions). Locations are absolute URLs.

export const SITEMAP_MAX_URLS = 50_000;

export type SitemapEntry = { loc: string; lastmod?: string; image?: string };
export type NewsEntry = { loc: string; title: string; publishedAt: string };

/**
 * At least one: the sitemaps.org schema refuses a `urlset` without a `url` and a `sitemapindex` without a
 * `sitemap`, so the builders take only lists that cannot be empty.
 */
export type NonEmpty<T> = [T, ...T[]];

export function isNonEmpty<T>(list: T[]): list is NonEmpty<T> {
  return list.length > 0;
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function urlsetXml(entries: NonEmpty<SitemapEntry>): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    const image = e.image ? `<image:image><image:loc>${escapeXml(e.image)}</image:loc></image:image>` : '';
    return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}${image}</url>`;
  });
  return `${HEADER}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: NonEmpty<{ loc: string; lastmod?: string }>): string {
  const items = sitemaps.map(
    (s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${escapeXml(s.lastmod)}</lastmod>` : ''}</sitemap>`,
  );
  return `${HEADER}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Google's news extension on every entry; with no recent article a plain `urlsetXml` takes its place (decision 0020). */
export function newsSitemapXml(entries: NonEmpty<NewsEntry>, publication: { name: string; language: string }): string {
  const pub = `<news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`;
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc><news:news>${pub}<news:publication_date>${escapeXml(e.publishedAt)}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return `${HEADER}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Which sitemap files a site of `pageCount` pages (home, categories, keywords) and `articleCount` articles
 * needs: one file while everything fits in 50,000 URLs, otherwise an index over a pages file and article
 * files of at most 50,000 each.
 */
export function planSitemaps(pageCount: number, articleCount: number): { single: true } | { single: false; articleFiles: number } {
  if (pageCount + articleCount <= SITEMAP_MAX_URLS) return { single: true };
  return { single: false, articleFiles: Math.ceil(articleCount / SITEMAP_MAX_URLS) };
}
