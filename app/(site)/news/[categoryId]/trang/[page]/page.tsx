import type { Metadata } from 'next';
import { CategoryListing, categoryListingMetadata } from '../../category-listing';

// `/news/[categoryId]?trang=N` lands here (a rewrite in next.config.js).
type Props = PageProps<'/news/[categoryId]/trang/[page]'>;

export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { categoryId, page } = await params;
  return categoryListingMetadata({ categoryId, trang: page });
}

export default async function CategoryPageN({ params }: Props) {
  const { categoryId, page } = await params;
  return <CategoryListing params={{ categoryId, trang: page }} />;
}
