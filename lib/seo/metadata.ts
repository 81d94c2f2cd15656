import type { Metadata, Viewport } from 'next';
import { truncateAtWord } from '@/lib/text';

export const DESCRIPTION_MAX = 160;

export type ShareImage = { url: string; width: number; height: number; alt: string };

/**
 * What the metadata and structured-data builders need of the site's identity. Callers pass config/site.ts's
 * `siteConfig`: lib/ imports nothing of the project (docs/decisions/0017-layering.md).
 */
export type SiteIdentity = {
  name: string;
  fullName: string;
  locale: string;
  publisher: { type: 'GovernmentOrganization' | 'NewsMediaOrganization'; name: string; address: string };
  logoRaster: { src: string; width: number; height: number };
  shareImage: { src: string; width: number; height: number; alt: string };
};

type PageInput = {
  /** The page's own title; the layout's template adds ` | <site name>`. */
  title: string;
  description: string;
  /** Site-relative canonical path, e.g. `/news/17?trang=2`. */
  path: string;
  siteUrl: string;
  site: SiteIdentity;
  image?: ShareImage;
  /** RSS feeds to announce with <link rel="alternate">. */
  feeds?: Array<{ path: string; title: string }>;
  noindex?: boolean;
};

export const absoluteUrl = (siteUrl: string, path: string) => new URL(path, `${siteUrl}/`).toString();

export function defaultShareImage(siteUrl: string, site: SiteIdentity): ShareImage {
  const { src, width, height, alt } = site.shareImage;
  return { url: absoluteUrl(siteUrl, src), width, height, alt };
}

/** Title, description, canonical, Open Graph and Twitter tags that every page carries. */
export function pageMetadata({ title, description, path, siteUrl, site, image, feeds, noindex }: PageInput): Metadata {
  const url = absoluteUrl(siteUrl, path);
  const text = truncateAtWord(description, DESCRIPTION_MAX);
  const share = image ?? defaultShareImage(siteUrl, site);
  return {
    title,
    description: text,
    alternates: {
      canonical: url,
      ...(feeds?.length
        ? { types: { 'application/rss+xml': feeds.map((f) => ({ url: absoluteUrl(siteUrl, f.path), title: f.title })) } }
        : {}),
    },
    openGraph: {
      siteName: site.name,
      locale: site.locale,
      type: 'website',
      title,
      description: text,
      url,
      images: [share],
    },
    twitter: { card: 'summary_large_image', title, description: text, images: [{ url: share.url, alt: share.alt }] },
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
  };
}

type ArticleInput = Omit<PageInput, 'image'> & {
  image: ShareImage | null;
  publishedTime: string;
  modifiedTime: string;
  section: string;
  tags: string[];
};

/** Everything of pageMetadata, plus og:type=article and the article:* properties. */
export function articleMetadata(input: ArticleInput): Metadata {
  const base = pageMetadata({ ...input, image: input.image ?? undefined });
  return {
    ...base,
    openGraph: {
      ...base.openGraph,
      type: 'article',
      publishedTime: input.publishedTime,
      modifiedTime: input.modifiedTime,
      section: input.section,
      tags: input.tags,
    },
  };
}

/**
 * The metadata of every page's document, set by the root layouts (the public site's, the newsroom's) and the
 * not-found page of unknown URLs: the title template, description, name and icon.
 */
export function documentMetadata(
  siteUrl: string,
  site: { name: string; tagline: string; description: string; logo: { src: string } },
): Metadata {
  return {
    metadataBase: new URL(siteUrl),
    title: { default: `${site.tagline} | ${site.name}`, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
    icons: { icon: site.logo.src },
  };
}

export const DOCUMENT_VIEWPORT: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b4f9c',
};
