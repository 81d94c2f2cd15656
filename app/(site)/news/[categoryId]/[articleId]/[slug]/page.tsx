import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleByline } from '@/components/article/article-byline';
import { ArticleKeywords } from '@/components/article/article-keywords';
import { MostRead } from '@/components/article/most-read';
import { RelatedNews } from '@/components/article/related-news';
import { ViewCounter } from '@/components/article/view-counter.client';
import { JsonLd } from '@/components/seo/json-ld';
import { ShareButtons } from '@/components/share/share-buttons';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { DateTime } from '@/components/ui/date-time';
import { siteConfig } from '@/config/site';
import { loadArticlePage, loadMostRead } from '@/db/cached/pages';
import type { ArticleDetail } from '@/db/queries/articles';
import { getEnv } from '@/env';
import { bylineAuthors } from '@/lib/authors';
import { toVietnamIso } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { cropName, cropSize, mediaUrl } from '@/lib/media';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { absoluteUrl, articleMetadata } from '@/lib/seo/metadata';
import { truncateAtWord } from '@/lib/text';
import { articlePath, authorPath, categoryPath } from '@/lib/urls';

type Props = PageProps<'/news/[categoryId]/[articleId]/[slug]'>;

// Rendered on first request, then served from Next's cache until its content changes (the import expires its
// tags) or 5 minutes pass (docs/decisions/0008-caching.md). The view count in the cached HTML may be behind;
// ViewCounter shows the live count after hydration.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

async function loadArticle(articleId: string) {
  const id = parseId(articleId);
  return id === null ? null : loadArticlePage(id);
}

function crumbsOf(article: ArticleDetail) {
  return [
    { name: 'Trang chủ', path: '/' },
    { name: article.categoryName, path: categoryPath(article.categoryId) },
  ];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadArticle((await params).articleId);
  if (!data) return {};
  const { article } = data;
  const { siteUrl } = getEnv();
  const lead = article.leadImage;
  return articleMetadata({
    title: article.title,
    description: article.sapo,
    path: articlePath(article),
    siteUrl,
    site: siteConfig,
    image: lead
      ? { url: absoluteUrl(siteUrl, mediaUrl(cropName(lead.file, 'og'))), ...cropSize('og', lead), alt: lead.alt }
      : null,
    publishedTime: toVietnamIso(article.publishedAt),
    modifiedTime: toVietnamIso(article.updatedAt),
    section: article.categoryName,
    tags: article.keywords.map((k) => k.name),
    feeds: [{ path: '/rss.xml', title: 'Tin mới nhất' }],
  });
}

export default async function ArticlePage({ params }: Props) {
  const { categoryId, articleId, slug } = await params;
  const data = await loadArticle(articleId);
  if (!data) notFound();
  const { article, related } = data;
  // The article id alone identifies the article; any other category, slug or spelling of the id
  // (category 0 included, as on the old site) is sent to the one canonical URL.
  if (categoryId !== String(article.categoryId) || slug !== article.slug || articleId !== String(article.id)) {
    permanentRedirect(articlePath(article));
  }
  const { siteUrl } = getEnv();
  const crumbs = crumbsOf(article);
  const lead = article.leadImage;
  const url = absoluteUrl(siteUrl, articlePath(article));

  return (
    <div className="article-layout">
      <JsonLd
        data={newsArticleJsonLd({
          siteUrl,
          site: siteConfig,
          path: articlePath(article),
          headline: article.title,
          description: truncateAtWord(article.sapo, 160),
          images: lead ? (['16x9', '4x3', '1x1'] as const).map((v) => mediaUrl(cropName(lead.file, v))) : [],
          datePublished: toVietnamIso(article.publishedAt),
          dateModified: toVietnamIso(article.updatedAt),
          authors: bylineAuthors(article.byline).map((author) => ({ name: author.name, path: authorPath(author.slug) })),
          section: article.categoryName,
          keywords: article.keywords.map((k) => k.name),
        })}
      />
      <JsonLd data={breadcrumbJsonLd(siteUrl, crumbs)} />
      <article className="article">
        <Breadcrumb items={crumbs.map((c) => ({ name: c.name, href: c.path }))} />
        <h1 className="article__title">{article.title}</h1>
        <p className="article__meta">
          {/* The space is for text browsers and copied text; the flex layout drops it (globals.css). */}
          <DateTime date={article.publishedAt} />{' '}
          <ViewCounter articleId={article.id} initialViews={article.views} />
        </p>
        <p className="article__sapo">{article.sapo}</p>
        <ArticleBody blocks={article.body} />
        {article.byline ? <ArticleByline byline={article.byline} /> : null}
        <ArticleKeywords keywords={article.keywords} />
        <ShareButtons url={url} title={article.title} />
        <p className="print-url">Nguồn: {url}</p>
      </article>
      <div className="article-rail">
        <RelatedNews articles={related} />
        <MostRead items={await loadMostRead()} />
      </div>
    </div>
  );
}
