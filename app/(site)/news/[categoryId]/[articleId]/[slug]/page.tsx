import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView, articleCrumbs } from '@/components/article/article-view';
import { ViewCounter } from '@/components/article/view-counter.client';
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
import { articlePath, authorPath } from '@/lib/urls';

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

/** The page's NewsArticle and breadcrumb JSON-LD. */
function structuredDataOf(article: ArticleDetail) {
  const { siteUrl } = getEnv();
  const lead = article.leadImage;
  return {
    article: newsArticleJsonLd({
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
    }),
    breadcrumb: breadcrumbJsonLd(siteUrl, articleCrumbs(article)),
  };
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
  const url = absoluteUrl(getEnv().siteUrl, articlePath(article));
  return (
    <ArticleView
      article={article}
      related={related}
      mostRead={await loadMostRead()}
      url={url}
      viewCounter={<ViewCounter articleId={article.id} initialViews={article.views} />}
      structuredData={structuredDataOf(article)}
    />
  );
}
