import type { BreadcrumbList, NewsArticle, Organization, SearchAction, WebSite, WithActionConstraints, WithContext } from 'schema-dts';
import { absoluteUrl, type SiteIdentity } from '@/lib/seo/metadata';

/**
 * JSON for a <script type="application/ld+json">, escaped so that no stored text can end the script
 * element or start a comment: `<`, `>` and `&` become \u escapes (still the same JSON), as do the line
 * separators JavaScript would choke on.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function publisherJsonLd(siteUrl: string, site: SiteIdentity): Exclude<Organization, string> {
  const { publisher, logoRaster } = site;
  return {
    '@type': publisher.type,
    '@id': absoluteUrl(siteUrl, '/#publisher'),
    name: publisher.name,
    url: absoluteUrl(siteUrl, '/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(siteUrl, logoRaster.src), width: `${logoRaster.width}`, height: `${logoRaster.height}` },
    address: { '@type': 'PostalAddress', streetAddress: publisher.address, addressCountry: 'VN' },
  } as Exclude<Organization, string>;
}

export function breadcrumbJsonLd(siteUrl: string, crumbs: Array<{ name: string; path: string }>): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(siteUrl, crumb.path),
    })),
  };
}

type ArticleInput = {
  siteUrl: string;
  site: SiteIdentity;
  path: string;
  headline: string;
  description: string;
  images: string[];
  datePublished: string;
  dateModified: string;
  author: string | null;
  section: string;
  keywords: string[];
};

export function newsArticleJsonLd(a: ArticleInput): WithContext<NewsArticle> {
  const url = absoluteUrl(a.siteUrl, a.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    ...(a.images.length ? { image: a.images.map((src) => absoluteUrl(a.siteUrl, src)) } : {}),
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    author: a.author ? { '@type': 'Person', name: a.author } : publisherJsonLd(a.siteUrl, a.site),
    publisher: publisherJsonLd(a.siteUrl, a.site),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: a.section,
    ...(a.keywords.length ? { keywords: a.keywords.join(', ') } : {}),
    inLanguage: 'vi',
  };
}

export function websiteJsonLd(siteUrl: string, site: SiteIdentity): WithContext<WebSite> {
  const searchAction: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(siteUrl, '/tim-kiem')}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absoluteUrl(siteUrl, '/#website'),
    name: site.name,
    alternateName: site.fullName,
    url: absoluteUrl(siteUrl, '/'),
    inLanguage: 'vi',
    publisher: { '@id': absoluteUrl(siteUrl, '/#publisher') },
    potentialAction: searchAction,
  };
}

export function organizationJsonLd(siteUrl: string, site: SiteIdentity): WithContext<Organization> {
  return { '@context': 'https://schema.org', ...publisherJsonLd(siteUrl, site) } as WithContext<Organization>;
}
