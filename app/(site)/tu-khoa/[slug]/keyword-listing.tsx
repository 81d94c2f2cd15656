import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListing } from '@/components/listing/article-listing';
import { ListingJsonLd } from '@/components/seo/listing-json-ld';
import { siteConfig } from '@/config/site';
import { loadKeywordPage } from '@/db/cached/pages';
import type { Keyword } from '@/db/queries/keywords';
import { getEnv } from '@/env';
import { isCanonicalPageParam, parsePageParam } from '@/lib/ids';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, keywordPath } from '@/lib/urls';

// `/tu-khoa/x` renders page 1; `/tu-khoa/x?trang=N` is rewritten (next.config.js) to `/tu-khoa/x/trang/N`.

const MAX_SLUG_LENGTH = 200;

/** The URL's keyword slug and `?trang=` value, as written. */
export type KeywordListingParams = { slug: string; trang?: string };

async function resolve({ slug, trang }: KeywordListingParams) {
  const page = parsePageParam(trang);
  // Slugs are short; a longer one cannot exist (and would not make a valid cache tag).
  const data = page === null || slug.length > MAX_SLUG_LENGTH ? null : await loadKeywordPage(slug, page);
  return { data, page, canonical: page !== null && isCanonicalPageParam(trang, page) };
}

/** Title, description and canonical path of a page of the listing: its metadata and its structured data say the same. */
function describe(keyword: Keyword, page: number) {
  return {
    title: page > 1 ? `Từ khóa: ${keyword.name} - Trang ${page}` : `Từ khóa: ${keyword.name}`,
    description: `Tin bài về ${keyword.name} trên ${siteConfig.name}, trang tin của ${siteConfig.fullName}.`,
    path: keywordPath(keyword.slug, page),
  };
}

export async function keywordListingMetadata(params: KeywordListingParams): Promise<Metadata> {
  const { data, page } = await resolve(params);
  if (!data || page === null) return {};
  return pageMetadata({ ...describe(data.keyword, page), siteUrl: getEnv().siteUrl, site: siteConfig });
}

export async function KeywordListing({ params }: { params: KeywordListingParams }) {
  const { data, page, canonical } = await resolve(params);
  if (!data || page === null) notFound();
  const { keyword, listing } = data;
  if (!canonical) permanentRedirect(keywordPath(keyword.slug, page));
  if (page > listing.pageCount || listing.total === 0) notFound();
  const name = `Từ khóa: ${keyword.name}`;
  return (
    <>
      <ListingJsonLd
        siteUrl={getEnv().siteUrl}
        crumbs={[{ name: 'Trang chủ', path: '/' }, { name, path: keywordPath(keyword.slug) }]}
        {...describe(keyword, page)}
        articlePaths={listing.items.map(articlePath)}
      />
      <ArticleListing title={name} listing={listing} pathFor={(p) => keywordPath(keyword.slug, p)} emptyText="Chưa có bài viết với từ khóa này." />
    </>
  );
}
