import type { Metadata } from 'next';
import { AuthorListing, authorListingMetadata } from './author-listing';

type Props = PageProps<'/tac-gia/[slug]'>;

// Rendered on first request, then served from Next's cache (docs/decisions/0008-caching.md).
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorListingMetadata(await params);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing params={await params} />;
}
