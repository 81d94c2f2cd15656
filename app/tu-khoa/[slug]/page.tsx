import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { ArticleListing } from '@/components/listing/article-listing';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listKeywordArticles } from '@/db/queries/listings';
import { isCanonicalPageParam, parsePageParam } from '@/lib/ids';
import { siteConfig } from '@/config/site';
import { getEnv } from '@/env';
import { pageMetadata } from '@/lib/seo/metadata';
import { keywordPath } from '@/lib/urls';

type Props = PageProps<'/tu-khoa/[slug]'>;

// generateMetadata and the page both need the keyword: one query per request.
const loadKeyword = cache(getKeywordBySlug);

async function resolve({ params, searchParams }: Props) {
  const [{ slug }, { trang }] = await Promise.all([params, searchParams]);
  return { keyword: loadKeyword(slug), page: parsePageParam(trang), trang };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { keyword, page } = await resolve(props);
  if (!keyword || page === null) return {};
  return pageMetadata({
    title: page > 1 ? `Từ khóa: ${keyword.name} - Trang ${page}` : `Từ khóa: ${keyword.name}`,
    description: `Tin bài về ${keyword.name} trên ${siteConfig.name}, trang tin của ${siteConfig.fullName}.`,
    path: keywordPath(keyword.slug, page),
    siteUrl: getEnv().siteUrl,
  });
}

export default async function KeywordPage(props: Props) {
  const { keyword, page, trang } = await resolve(props);
  if (!keyword || page === null) notFound();
  if (!isCanonicalPageParam(trang, page)) permanentRedirect(keywordPath(keyword.slug));
  const listing = listKeywordArticles({ keywordId: keyword.id, page });
  if (page > listing.pageCount || listing.total === 0) notFound();
  return (
    <ArticleListing
      title={`Từ khóa: ${keyword.name}`}
      listing={listing}
      pathFor={(p) => keywordPath(keyword.slug, p)}
      emptyText="Chưa có bài viết với từ khóa này."
    />
  );
}
