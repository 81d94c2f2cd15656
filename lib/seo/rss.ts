import { escapeXml } from '@/lib/xml';

export type RssItem = { title: string; link: string; description: string; pubDate: string; category: string };
export type RssChannel = { title: string; link: string; selfLink: string; description: string; lastBuildDate?: string };

/** An RSS 2.0 document; every text is escaped, so any stored character is safe. */
export function rssXml(channel: RssChannel, items: RssItem[]): string {
  const entries = items.map(
    (i) => `<item>
<title>${escapeXml(i.title)}</title>
<link>${escapeXml(i.link)}</link>
<guid isPermaLink="true">${escapeXml(i.link)}</guid>
<description>${escapeXml(i.description)}</description>
<pubDate>${escapeXml(i.pubDate)}</pubDate>
<category>${escapeXml(i.category)}</category>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(channel.title)}</title>
<link>${escapeXml(channel.link)}</link>
<atom:link href="${escapeXml(channel.selfLink)}" rel="self" type="application/rss+xml"/>
<description>${escapeXml(channel.description)}</description>
<language>vi</language>
${channel.lastBuildDate ? `<lastBuildDate>${escapeXml(channel.lastBuildDate)}</lastBuildDate>\n` : ''}${entries.join('\n')}
</channel>
</rss>
`;
}
