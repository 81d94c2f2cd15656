import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { fontLatin, fontVietnamese } from '@/app/fonts';
import { SiteDocument } from '@/components/layout/site-document';
import { SiteHeader } from '@/components/layout/site-header';
import { readerSettingsScript } from '@/components/reader/reader-settings';
import { siteConfig } from '@/config/site';
import { loadMenu } from '@/db/cached/pages';
import { getEnv } from '@/env';
import { documentMetadata, DOCUMENT_VIEWPORT } from '@/lib/seo/metadata';
import '@/app/globals.css';
import '@/app/print.css';

// The public site's root layout. The newsroom (/toa-soan) has a root layout of its own, without the inline
// reader-settings script, which its nonce-based policy would refuse; unknown URLs get app/global-not-found.tsx
// (docs/decisions/0028-newsroom-csp.md). Nothing here reads a cookie or a header: public pages stay cached whole.

export function generateMetadata(): Metadata {
  return documentMetadata(getEnv().siteUrl, siteConfig);
}

export const viewport = DOCUMENT_VIEWPORT;

// The menu is loaded here because components get their data as props (docs/decisions/0017-layering.md). It is
// an async component of its own, not an await in the layout, so the page still renders while the menu is read.
async function Header() {
  return <SiteHeader categories={await loadMenu()} />;
}

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <SiteDocument
      className={`${fontLatin.variable} ${fontVietnamese.variable}`}
      head={<script dangerouslySetInnerHTML={{ __html: readerSettingsScript }} />}
      header={<Header />}
    >
      {children}
    </SiteDocument>
  );
}
