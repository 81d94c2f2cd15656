import { JsonLd } from '@/components/seo/json-ld';
import { breadcrumbJsonLd, collectionPageJsonLd } from '@/lib/seo/json-ld';

type Props = {
  siteUrl: string;
  /** Trang chủ, then the listing itself (its first page). */
  crumbs: Array<{ name: string; path: string }>;
  /** This page of the listing: its path, title and description, as its metadata gives them. */
  path: string;
  title: string;
  description: string;
  /** The paths of the articles it lists, in order. */
  articlePaths: string[];
};

/** A category, keyword or author page's structured data: its BreadcrumbList and a CollectionPage of its articles. */
export function ListingJsonLd({ siteUrl, crumbs, path, title, description, articlePaths }: Props) {
  return (
    <>
      <JsonLd data={breadcrumbJsonLd(siteUrl, crumbs)} />
      <JsonLd data={collectionPageJsonLd({ siteUrl, path, name: title, description, items: articlePaths.map((p) => ({ path: p })) })} />
    </>
  );
}
