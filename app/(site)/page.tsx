import type { Metadata } from 'next';
import { MostRead } from '@/components/article/most-read';
import { ArticleCard } from '@/components/listing/article-card';
import { JsonLd } from '@/components/seo/json-ld';
import { siteConfig } from '@/config/site';
import { loadHomePage, loadMostRead } from '@/db/cached/pages';
import { getEnv } from '@/env';
import { organizationJsonLd, websiteJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { categoryPath } from '@/lib/urls';

// Served from Next's cache; content changes expire it (docs/decisions/0008-caching.md). The copy made at build
// time (without a database) is never served: every server process expires all pages when it starts.
export const revalidate = 300;

export function generateMetadata(): Metadata {
  const metadata = pageMetadata({
    title: siteConfig.tagline,
    description: siteConfig.description,
    path: '/',
    siteUrl: getEnv().siteUrl,
    site: siteConfig,
    feeds: [{ path: '/rss.xml', title: `Tin mới nhất – ${siteConfig.name}` }],
  });
  // The layout's title template only applies below the root segment, so the home page spells it out.
  return { ...metadata, title: { absolute: `${siteConfig.tagline} | ${siteConfig.name}` } };
}

export default async function HomePage() {
  const { latest, sections } = await loadHomePage();
  const [lead, ...rest] = latest;
  const { siteUrl } = getEnv();
  return (
    <>
      <JsonLd data={websiteJsonLd(siteUrl, siteConfig)} />
      <JsonLd data={organizationJsonLd(siteUrl, siteConfig)} />
      <h1 className="visually-hidden">{siteConfig.tagline}</h1>
      {lead ? (
        <section className="home-latest" aria-labelledby="tin-moi">
          <h2 id="tin-moi" className="section-title">
            Tin mới nhất
          </h2>
          <div className="home-latest__grid">
            <ArticleCard article={lead} variant="feature" preloadImage />
            <ul className="home-latest__list">
              {rest.map((article) => (
                <li key={article.id}>
                  <ArticleCard article={article} variant="compact" showExcerpt={false} />
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : (
        <p>Chưa có bài viết nào.</p>
      )}
      <MostRead items={await loadMostRead()} />
      {sections.map(({ category, articles }) => (
        <section key={category.id} className="home-section" aria-labelledby={`chuyen-muc-${category.id}`}>
          <h2 id={`chuyen-muc-${category.id}`} className="section-title">
            <a href={categoryPath(category.id)}>{category.name}</a>
          </h2>
          <ul className="home-section__list">
            {articles.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} showExcerpt={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
