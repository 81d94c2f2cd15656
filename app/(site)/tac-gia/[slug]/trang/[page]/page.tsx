import type { Metadata } from 'next';
import { AuthorListing, authorListingMetadata } from '../../author-listing';

// `/tac-gia/[slug]?trang=N` lands here (a rewrite in next.config.js).
type Props = PageProps<'/tac-gia/[slug]/trang/[page]'>;

export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return authorListingMetadata({ slug, trang: page });
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, page } = await params;
  return <AuthorListing params={{ slug, trang: page }} />;
}
