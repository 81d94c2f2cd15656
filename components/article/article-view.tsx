import type { ReactNode } from 'react';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleByline } from '@/components/article/article-byline';
import { ArticleKeywords } from '@/components/article/article-keywords';
import { MostRead } from '@/components/article/most-read';
import { RelatedNews } from '@/components/article/related-news';
import { JsonLd } from '@/components/seo/json-ld';
import { ShareButtons } from '@/components/share/share-buttons';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { DateTime } from '@/components/ui/date-time';
import type { ArticleTeaser, Keyword, MostReadItem, RenderBlock } from '@/lib/types';
import { categoryPath } from '@/lib/urls';

/** What the article's page shows of it (db/queries/articles.ts ArticleDetail has all of it). */
export type ArticleViewData = {
  id: number;
  categoryId: number;
  categoryName: string;
  title: string;
  sapo: string;
  byline: string | null;
  publishedAt: Date;
  body: RenderBlock[];
  keywords: Keyword[];
};

/** The article's breadcrumb trail, for the page and for its structured data. */
export function articleCrumbs(article: Pick<ArticleViewData, 'categoryId' | 'categoryName'>) {
  return [
    { name: 'Trang chủ', path: '/' },
    { name: article.categoryName, path: categoryPath(article.categoryId) },
  ];
}

type Props = {
  article: ArticleViewData;
  related: ArticleTeaser[];
  mostRead: MostReadItem[];
  /** The public page's absolute URL: shared, and printed at the foot of a printed copy. */
  url: string;
  /** The count after the date: the public page's counter counts the view, the newsroom's preview only shows it. */
  viewCounter: ReactNode;
  /** The NewsArticle and breadcrumb JSON-LD: the public page's only (a preview is not indexed). */
  structuredData?: { article: object; breadcrumb: object };
};

/**
 * An article as readers see it: the public page and the newsroom's preview both render this one component, so
 * that a preview can never differ from what publishing will show.
 */
export function ArticleView({ article, related, mostRead, url, viewCounter, structuredData }: Props) {
  return (
    <div className="article-layout">
      {structuredData ? <JsonLd data={structuredData.article} /> : null}
      {structuredData ? <JsonLd data={structuredData.breadcrumb} /> : null}
      <article className="article">
        <Breadcrumb items={articleCrumbs(article).map((c) => ({ name: c.name, href: c.path }))} />
        <h1 className="article__title">{article.title}</h1>
        <p className="article__meta">
          {/* The space is for text browsers and copied text; the flex layout drops it (globals.css). */}
          <DateTime date={article.publishedAt} />{' '}
          {viewCounter}
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
        <MostRead items={mostRead} />
      </div>
    </div>
  );
}
