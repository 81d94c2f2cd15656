import type { Metadata } from 'next';
import { CategoryListing, categoryListingMetadata } from './category-listing';

type Props = PageProps<'/news/[categoryId]'>;

// Rendered on first request, then served from Next's cache (docs/decisions/0008-caching.md).
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryListingMetadata(await params);
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing params={await params} />;
}
