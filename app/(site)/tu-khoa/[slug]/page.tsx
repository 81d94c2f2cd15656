import type { Metadata } from 'next';
import { KeywordListing, keywordListingMetadata } from './keyword-listing';

type Props = PageProps<'/tu-khoa/[slug]'>;

// Rendered on first request, then served from Next's cache (docs/decisions/0008-caching.md).
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return keywordListingMetadata(await params);
}

export default async function KeywordPage({ params }: Props) {
  return <KeywordListing params={await params} />;
}
