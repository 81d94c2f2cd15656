import type { MetadataRoute } from 'next';
import { getEnv } from '@/env';

// SITE_URL is read when the site runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getEnv();
  return {
    // The newsroom (/toa-soan) is for staff: its pages also say noindex (X-Robots-Tag, server/newsroom.mjs).
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/toa-soan'] }],
    sitemap: [`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`],
  };
}
