import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListing } from '@/components/listing/article-listing';
import { JsonLd } from '@/components/seo/json-ld';
import { ListingJsonLd } from '@/components/seo/listing-json-ld';
import { siteConfig } from '@/config/site';
import { loadAuthorPage } from '@/db/cached/pages';
import type { Author } from '@/db/queries/authors';
import { getEnv } from '@/env';
import { AUTHOR_SLUG_MAX } from '@/lib/authors';
import { isCanonicalPageParam, parsePageParam } from '@/lib/ids';
import { profilePageJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, authorPath } from '@/lib/urls';

// `/tac-gia/x` renders page 1; `/tac-gia/x?trang=N` is rewritten (next.config.js) to `/tac-gia/x/trang/N`, as
// keyword pages are (docs/decisions/0021-author-pages.md).

/** The URL's author slug and `?trang=` value, as written. */
export type AuthorListingParams = { slug: string; trang?: string };

async function resolve({ slug, trang }: AuthorListingParams) {
  const page = parsePageParam(trang);
  // No author slug is longer (and a longer one would not make a valid cache tag).
  const data = page === null || slug.length > AUTHOR_SLUG_MAX ? null : await loadAuthorPage(slug, page);
  return { data, page, canonical: page !== null && isCanonicalPageParam(trang, page) };
}

/** Title, description and canonical path of a page of the listing: its metadata and its structured data say the same. */
function describe(author: Author, page: number) {
  return {
    title: page > 1 ? `Tác giả: ${author.name} - Trang ${page}` : `Tác giả: ${author.name}`,
    description: `Tin bài của tác giả ${author.name} trên ${siteConfig.name}, trang tin của ${siteConfig.fullName}.`,
    path: authorPath(author.slug, page),
  };
}

export async function authorListingMetadata(params: AuthorListingParams): Promise<Metadata> {
  const { data, page } = await resolve(params);
  if (!data || page === null) return {};
  return pageMetadata({ ...describe(data.author, page), siteUrl: getEnv().siteUrl, site: siteConfig });
}

export async function AuthorListing({ params }: { params: AuthorListingParams }) {
  const { data, page, canonical } = await resolve(params);
  if (!data || page === null) notFound();
  const { author, listing } = data;
  if (!canonical) permanentRedirect(authorPath(author.slug, page));
  if (page > listing.pageCount || listing.total === 0) notFound();
  const { siteUrl } = getEnv();
  const name = `Tác giả: ${author.name}`;
  const page1 = authorPath(author.slug);
  return (
    <>
      <JsonLd data={profilePageJsonLd(siteUrl, { path: authorPath(author.slug, page), person: { name: author.name, path: page1 } })} />
      <ListingJsonLd
        siteUrl={siteUrl}
        crumbs={[{ name: 'Trang chủ', path: '/' }, { name, path: page1 }]}
        {...describe(author, page)}
        articlePaths={listing.items.map(articlePath)}
      />
      <ArticleListing title={name} listing={listing} pathFor={(p) => authorPath(author.slug, p)} emptyText="Tác giả này chưa có bài viết." />
    </>
  );
}
