import type {
  BreadcrumbList,
  CollectionPage,
  NewsArticle,
  Organization,
  Person,
  ProfilePage,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';
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

/** A person with the URL of their page on this site (Google's article guidelines ask for `author.url`). */
export function personJsonLd(siteUrl: string, person: { name: string; path: string }): Exclude<Person, string> {
  return { '@type': 'Person', name: person.name, url: absoluteUrl(siteUrl, person.path) };
}

/** One author as an object, several as a list (as Google's examples write them), none: the publisher. */
function articleAuthor(siteUrl: string, site: SiteIdentity, authors: Array<{ name: string; path: string }>): NewsArticle['author'] {
  if (authors.length === 0) return publisherJsonLd(siteUrl, site);
  const people = authors.map((author) => personJsonLd(siteUrl, author));
  return people.length === 1 ? people[0]! : people;
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
  /** The byline's authors, each with the path of their page; none: the article is the publisher's. */
  authors: Array<{ name: string; path: string }>;
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
    author: articleAuthor(a.siteUrl, a.site, a.authors),
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

type ListingInput = {
  siteUrl: string;
  /** The listing page's own path (with `?trang=N` past the first page), its title and description. */
  path: string;
  name: string;
  description: string;
  /** The articles the page lists, in its order. */
  items: Array<{ path: string }>;
};

/**
 * A category, keyword or author page: a CollectionPage whose main entity is the list of the articles it shows,
 * numbered from 1 on every page (each page is its own list), each by its URL.
 */
export function collectionPageJsonLd(l: ListingInput): WithContext<CollectionPage> {
  const url = absoluteUrl(l.siteUrl, l.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: l.name,
    description: l.description,
    url,
    inLanguage: 'vi',
    isPartOf: { '@id': absoluteUrl(l.siteUrl, '/#website') },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: l.items.length,
      itemListElement: l.items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, url: absoluteUrl(l.siteUrl, item.path) })),
    },
  };
}

/** An author's page: a ProfilePage about the person (name and the URL of their first page, as articles cite it). */
export function profilePageJsonLd(siteUrl: string, page: { path: string; person: { name: string; path: string } }): WithContext<ProfilePage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: absoluteUrl(siteUrl, page.path),
    inLanguage: 'vi',
    mainEntity: personJsonLd(siteUrl, page.person),
  };
}
