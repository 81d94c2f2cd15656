import { spawn } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { linkHref } from './html';

// A crawler's walk of a site's sitemaps and feeds: robots.txt, every sitemap it advertises (and the files of a
// sitemap index), each checked by xmllint against sitemaps.org's schema, then the feeds the listed pages announce.

const SCHEMAS = path.resolve('e2e/fixtures/sitemap-schemas');
const SCHEMA_OF = { urlset: 'urlset.xsd', sitemapindex: 'siteindex.xsd' } as const;

export type SitemapUrl = {
  loc: string;
  lastmod?: string;
  'image:image'?: { 'image:loc'?: string };
  'news:news'?: {
    'news:publication'?: { 'news:name'?: string; 'news:language'?: string };
    'news:publication_date'?: string;
    'news:title'?: string;
  };
};

export type SitemapFile = {
  url: string;
  status: number;
  root: string;
  /** What xmllint says against the sitemaps.org schema of its root element ('' when valid), and what the checks
   * of Google's extensions found. */
  problems: string[];
  /** The `<url>` entries of a urlset, the `<loc>` of each `<sitemap>` of an index. */
  urls: SitemapUrl[];
  sitemaps: string[];
};

const parser = new XMLParser({ parseTagValue: false });
const asArray = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** xmllint's complaints about `xml` against an XML Schema file ('' when it validates). */
export function xmllint(xml: string, schema: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', ['--noout', '--schema', schema, '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(code === 0 ? '' : errors.trim() || `xmllint exited with ${code}`));
    child.stdin.end(xml);
  });
}

/**
 * Google's required children, which the lax schema for its extensions does not check: `image:loc` in every
 * `image:image`; publication name and language, publication date and title in every `news:news`.
 */
function extensionProblems(url: SitemapUrl): string[] {
  const problems: string[] = [];
  if ('image:image' in url && !url['image:image']?.['image:loc']) problems.push(`${url.loc}: image:image without image:loc`);
  if ('news:news' in url) {
    const news = url['news:news'] ?? {};
    const required = {
      'news:publication/news:name': news['news:publication']?.['news:name'],
      'news:publication/news:language': news['news:publication']?.['news:language'],
      'news:publication_date': news['news:publication_date'],
      'news:title': news['news:title'],
    };
    for (const [name, value] of Object.entries(required)) if (!value) problems.push(`${url.loc}: news:news without ${name}`);
  }
  return problems;
}

export async function readSitemap(url: string): Promise<SitemapFile> {
  const response = await fetch(url, { redirect: 'manual' });
  const xml = await response.text();
  const doc = response.status === 200 ? (parser.parse(xml) as Record<string, { url?: SitemapUrl | SitemapUrl[]; sitemap?: { loc: string } | Array<{ loc: string }> }>) : {};
  const root = Object.keys(doc).find((key) => key !== '?xml') ?? '';
  const schema = SCHEMA_OF[root as keyof typeof SCHEMA_OF];
  const urls = asArray(doc[root]?.url);
  const problems = schema ? [await xmllint(xml, path.join(SCHEMAS, schema))].filter(Boolean) : [`root element <${root}> is neither urlset nor sitemapindex`];
  problems.push(...urls.flatMap(extensionProblems));
  return { url, status: response.status, root, problems, urls, sitemaps: asArray(doc[root]?.sitemap).map((s) => s.loc) };
}

/** The sitemaps robots.txt names, and the files of those that are indexes. */
export async function readAdvertisedSitemaps(base: string): Promise<{ advertised: string[]; files: SitemapFile[] }> {
  const robots = await (await fetch(`${base}/robots.txt`)).text();
  const advertised = [...robots.matchAll(/^Sitemap: (\S+)$/gim)].map((m) => m[1]!);
  const files: SitemapFile[] = [];
  const queue = [...advertised];
  for (let url = queue.shift(); url; url = queue.shift()) {
    const file = await readSitemap(url);
    files.push(file);
    queue.push(...file.sitemaps);
  }
  return { advertised, files };
}

export type Answer = { url: string; status: number };

/**
 * Requests every URL, `concurrency` at a time, without following redirects (a 308 is not the page), and returns
 * each status. `onHtml` sees the body of each HTML page.
 */
export async function requestAll(urls: Iterable<string>, { concurrency = 4, onHtml }: { concurrency?: number; onHtml?: (url: string, html: string) => void } = {}): Promise<Answer[]> {
  const pending = [...new Set(urls)];
  const answers: Answer[] = [];
  const worker = async () => {
    for (let url = pending.shift(); url; url = pending.shift()) {
      const response = await fetch(url, { redirect: 'manual' });
      const type = response.headers.get('content-type') ?? '';
      if (onHtml && response.status === 200 && type.startsWith('text/html')) onHtml(url, await response.text());
      else await response.arrayBuffer();
      answers.push({ url, status: response.status });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

/**
 * Every URL a crawler finds from robots.txt: what the advertised sitemaps list (pages and photos), the feeds those
 * pages announce, and the links of those feeds, each with the status it answered.
 */
export async function crawl(base: string): Promise<{ files: SitemapFile[]; advertised: string[]; answers: Answer[]; feeds: string[] }> {
  const { advertised, files } = await readAdvertisedSitemaps(base);
  const listed = files.flatMap((f) => f.urls.flatMap((u) => [u.loc, ...(u['image:image']?.['image:loc'] ? [u['image:image']['image:loc']] : [])]));
  const feeds = new Set<string>();
  const answers = await requestAll(listed, { onHtml: (_url, html) => linkHref(html, 'alternate', 'application/rss+xml').forEach((f) => feeds.add(f)) });
  const feedLinks: string[] = [];
  for (const feed of feeds) {
    const response = await fetch(feed, { redirect: 'manual' });
    answers.push({ url: feed, status: response.status });
    const channel = (parser.parse(await response.text()) as { rss?: { channel?: { link?: string; item?: Array<{ link: string }> | { link: string } } } }).rss?.channel;
    feedLinks.push(...(channel?.link ? [channel.link] : []), ...asArray(channel?.item).map((i) => i.link));
  }
  const seen = new Set(answers.map((a) => a.url));
  answers.push(...(await requestAll(feedLinks.filter((l) => !seen.has(l)))));
  return { files, advertised, answers, feeds: [...feeds] };
}
