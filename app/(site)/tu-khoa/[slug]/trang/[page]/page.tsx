import type { Metadata } from 'next';
import { KeywordListing, keywordListingMetadata } from '../../keyword-listing';

// `/tu-khoa/[slug]?trang=N` lands here (a rewrite in next.config.js).
type Props = PageProps<'/tu-khoa/[slug]/trang/[page]'>;

export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return keywordListingMetadata({ slug, trang: page });
}

export default async function KeywordPageN({ params }: Props) {
  const { slug, page } = await params;
  return <KeywordListing params={{ slug, trang: page }} />;
}
