import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListing } from '@/components/listing/article-listing';
import { ListingJsonLd } from '@/components/seo/listing-json-ld';
import { siteConfig } from '@/config/site';
import { loadCategoryPage } from '@/db/cached/pages';
import type { Category } from '@/db/queries/categories';
import { getEnv } from '@/env';
import { isCanonicalPageParam, parseId, parsePageParam } from '@/lib/ids';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, categoryFeedPath, categoryPath } from '@/lib/urls';

// `/news/17` renders page 1; `/news/17?trang=N` is rewritten (next.config.js) to `/news/17/trang/N`, so that
// every page of a listing has a path of its own and is cached like any other page.

/** The URL's category id and `?trang=` value, as written. */
export type CategoryListingParams = { categoryId: string; trang?: string };

async function resolve({ categoryId, trang }: CategoryListingParams) {
  const id = parseId(categoryId);
  const page = parsePageParam(trang);
  const data = id === null || page === null ? null : await loadCategoryPage(id, page);
  return { data, page, canonical: categoryId === String(id) && page !== null && isCanonicalPageParam(trang, page) };
}

/** Title, description and canonical path of a page of the listing: its metadata and its structured data say the same. */
function describe(category: Category, page: number) {
  return {
    title: page > 1 ? `${category.name} - Trang ${page}` : category.name,
    description: `Tin tức ${category.name} mới nhất của tỉnh Thái Bình, cập nhật từ ${siteConfig.fullName}.`,
    path: categoryPath(category.id, page),
  };
}

export async function categoryListingMetadata(params: CategoryListingParams): Promise<Metadata> {
  const { data, page } = await resolve(params);
  if (!data || page === null) return {};
  const { category } = data;
  return pageMetadata({
    ...describe(category, page),
    siteUrl: getEnv().siteUrl,
    site: siteConfig,
    feeds: [
      { path: categoryFeedPath(category.id), title: `${category.name} – ${siteConfig.name}` },
      { path: '/rss.xml', title: `Tin mới nhất – ${siteConfig.name}` },
    ],
  });
}

export async function CategoryListing({ params }: { params: CategoryListingParams }) {
  const { data, page, canonical } = await resolve(params);
  if (!data || page === null) notFound();
  const { category, listing } = data;
  if (!canonical) permanentRedirect(categoryPath(category.id, page));
  if (page > listing.pageCount) notFound();
  return (
    <>
      <ListingJsonLd
        siteUrl={getEnv().siteUrl}
        crumbs={[{ name: 'Trang chủ', path: '/' }, { name: category.name, path: categoryPath(category.id) }]}
        {...describe(category, page)}
        articlePaths={listing.items.map(articlePath)}
      />
      <ArticleListing title={category.name} listing={listing} pathFor={(p) => categoryPath(category.id, p)} emptyText="Chuyên mục này chưa có bài viết." />
    </>
  );
}
