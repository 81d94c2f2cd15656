import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { ArticleListing } from '@/components/listing/article-listing';
import { getCategory } from '@/db/queries/categories';
import { listCategoryArticles } from '@/db/queries/listings';
import { isCanonicalPageParam, parseId, parsePageParam } from '@/lib/ids';
import { siteConfig } from '@/config/site';
import { getEnv } from '@/env';
import { pageMetadata } from '@/lib/seo/metadata';
import { categoryFeedPath, categoryPath } from '@/lib/urls';

type Props = PageProps<'/news/[categoryId]'>;

// generateMetadata and the page both need the category: one query per request.
const loadCategory = cache(getCategory);

async function resolve({ params, searchParams }: Props) {
  const [{ categoryId }, { trang }] = await Promise.all([params, searchParams]);
  const id = parseId(categoryId);
  const category = id === null ? null : loadCategory(id);
  const page = parsePageParam(trang);
  return { category, page, canonicalId: categoryId === String(id), trang };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { category, page } = await resolve(props);
  if (!category || page === null) return {};
  return pageMetadata({
    title: page > 1 ? `${category.name} - Trang ${page}` : category.name,
    description: `Tin tức ${category.name} mới nhất của tỉnh Thái Bình, cập nhật từ ${siteConfig.fullName}.`,
    path: categoryPath(category.id, page),
    siteUrl: getEnv().siteUrl,
    feeds: [
      { path: categoryFeedPath(category.id), title: `${category.name} – ${siteConfig.name}` },
      { path: '/rss.xml', title: `Tin mới nhất – ${siteConfig.name}` },
    ],
  });
}

export default async function CategoryPage(props: Props) {
  const { category, page, canonicalId, trang } = await resolve(props);
  if (!category || page === null) notFound();
  if (!canonicalId || !isCanonicalPageParam(trang, page)) permanentRedirect(categoryPath(category.id, page));
  const listing = listCategoryArticles({ categoryId: category.id, page });
  if (page > listing.pageCount) notFound();
  return (
    <ArticleListing
      title={category.name}
      listing={listing}
      pathFor={(p) => categoryPath(category.id, p)}
      emptyText="Chuyên mục này chưa có bài viết."
    />
  );
}
