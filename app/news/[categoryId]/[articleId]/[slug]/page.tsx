import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleKeywords } from '@/components/article/article-keywords';
import { RelatedNews } from '@/components/article/related-news';
import { ViewCounter } from '@/components/article/view-counter.client';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { DateTime } from '@/components/ui/date-time';
import { getArticleDetail } from '@/db/queries/articles';
import { listRelatedArticles } from '@/db/queries/related';
import { parseId } from '@/lib/ids';
import { truncateAtWord } from '@/lib/text';
import { articlePath, categoryPath } from '@/lib/urls';

const loadArticle = cache((id: number) => getArticleDetail(id));

export async function generateMetadata({ params }: PageProps<'/news/[categoryId]/[articleId]/[slug]'>): Promise<Metadata> {
  const id = parseId((await params).articleId);
  const article = id === null ? null : loadArticle(id);
  if (!article) return {};
  return {
    title: article.title,
    description: truncateAtWord(article.sapo, 160),
    alternates: { canonical: articlePath(article) },
  };
}

export default async function ArticlePage({ params }: PageProps<'/news/[categoryId]/[articleId]/[slug]'>) {
  const { categoryId, articleId, slug } = await params;
  const id = parseId(articleId);
  const article = id === null ? null : loadArticle(id);
  if (!article) notFound();
  // The article id alone identifies the article; any other category, slug or spelling of the id
  // (category 0 included, as on the old site) is sent to the one canonical URL.
  if (categoryId !== String(article.categoryId) || slug !== article.slug || articleId !== String(article.id)) {
    permanentRedirect(articlePath(article));
  }
  const related = listRelatedArticles(article);

  return (
    <div className="article-layout">
      <article className="article">
        <Breadcrumb
          items={[
            { name: 'Trang chủ', href: '/' },
            { name: article.categoryName, href: categoryPath(article.categoryId) },
          ]}
        />
        <h1 className="article__title">{article.title}</h1>
        <p className="article__meta">
          <DateTime date={article.publishedAt} />
          <ViewCounter articleId={article.id} initialViews={article.views} />
        </p>
        <p className="article__sapo">{article.sapo}</p>
        <ArticleBody blocks={article.body} />
        {article.byline ? <p className="article__byline">{article.byline}</p> : null}
        <ArticleKeywords keywords={article.keywords} />
      </article>
      <RelatedNews articles={related} />
    </div>
  );
}
