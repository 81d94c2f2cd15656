import type { APIRequestContext } from '@playwright/test';

/** The served HTML of a page, as a crawler gets it (no JavaScript). */
export async function fetchHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  if (response.status() !== 200) throw new Error(`${path}: HTTP ${response.status()}`);
  return response.text();
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every `<meta>` of the document head as [key, content] pairs (key = property or name). */
export function metaTags(html: string): Array<[string, string]> {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<meta\s+([^>]*?)\/?>/g)].flatMap(([, attrs]) => {
    const key = /(?:property|name)="([^"]+)"/.exec(attrs!)?.[1];
    const content = /content="([^"]*)"/.exec(attrs!)?.[1];
    return key && content !== undefined ? [[key, decode(content)] as [string, string]] : [];
  });
}

export function meta(html: string, key: string): string | undefined {
  return metaTags(html).find(([k]) => k === key)?.[1];
}

export function linkHref(html: string, rel: string, type?: string): string[] {
  return [...html.matchAll(/<link\s+([^>]*?)\/?>/g)]
    .map(([, attrs]) => attrs!)
    .filter((attrs) => attrs.includes(`rel="${rel}"`) && (!type || attrs.includes(`type="${type}"`)))
    .map((attrs) => decode(/href="([^"]*)"/.exec(attrs)![1]!));
}

export function titleOf(html: string): string {
  return decode(/<title>([^<]*)<\/title>/.exec(html)![1]!);
}

/** The parsed JSON-LD blocks of a page. */
export function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => JSON.parse(json!));
}
