import type { StoredBlock } from '@/lib/content-schema';
import type { SnippetPart } from '@/lib/snippet';

// What db/queries returns and components render. The types live here, below both, so that components get
// their data as props without importing the data layer (docs/decisions/0017-layering.md).

export type ImageRef = { src: string; width: number; height: number; alt: string };

/** What a list, a card or the related-news rail needs of an article. */
export type ArticleTeaser = {
  id: number;
  categoryId: number;
  slug: string;
  title: string;
  sapo: string;
  publishedAt: Date;
  image: ImageRef | null;
};

export type ListingPage = { items: ArticleTeaser[]; total: number; page: number; pageCount: number };

export type BodyImage = {
  file: string;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
};

/** Body blocks ready to render: image blocks carry their image, not an id. */
export type RenderBlock = Exclude<StoredBlock, { type: 'image' }> | { type: 'image'; image: BodyImage };

export type Keyword = { id: number; slug: string; name: string };

export type MostReadItem = { id: number; categoryId: number; slug: string; title: string; views: number };

export type SearchHit = {
  id: number;
  categoryId: number;
  categoryName: string;
  slug: string;
  title: string;
  publishedAt: Date;
  snippet: SnippetPart[];
};
