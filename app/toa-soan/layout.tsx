import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { fontLatin, fontVietnamese } from '@/app/fonts';
import { SiteDocument } from '@/components/layout/site-document';
import { SiteHeader } from '@/components/layout/site-header';
import { siteConfig } from '@/config/site';
import { loadMenu } from '@/db/cached/pages';
import { getEnv } from '@/env';
import { documentMetadata, DOCUMENT_VIEWPORT } from '@/lib/seo/metadata';
import '@/app/globals.css';
import '@/app/print.css';

// The newsroom's root layout: staff pages, rendered per request (they read the session cookie), never indexed.
// It is a root layout of its own, apart from the public site's, so that its pages carry no inline script but
// Next's: server.mjs gives every /toa-soan request a fresh nonce and a policy without 'unsafe-inline', and Next
// puts that nonce on its scripts (docs/decisions/0028-newsroom-csp.md). server.mjs also adds
// `Cache-Control: private, no-store`, `X-Robots-Tag: noindex, nofollow` and `Referrer-Policy: same-origin` to every
// /toa-soan response (server/newsroom.mjs).
export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  return {
    ...documentMetadata(getEnv().siteUrl, siteConfig),
    // As before the newsroom had a layout of its own: the dashboard is "Tòa soạn | <site>", other pages their own title.
    title: { default: `Tòa soạn | ${siteConfig.name}`, template: '%s' },
    robots: { index: false, follow: false },
  };
}

export const viewport = DOCUMENT_VIEWPORT;

async function Header() {
  return <SiteHeader categories={await loadMenu()} />;
}

export default function NewsroomLayout({ children }: { children: ReactNode }) {
  return (
    <SiteDocument className={`${fontLatin.variable} ${fontVietnamese.variable}`} header={<Header />}>
      {children}
    </SiteDocument>
  );
}
