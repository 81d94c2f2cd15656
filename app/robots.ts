import type { MetadataRoute } from 'next';
import { getEnv } from '@/env';

// SITE_URL is read when the site runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getEnv();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: '/api/' }],
    sitemap: [`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`],
  };
}
