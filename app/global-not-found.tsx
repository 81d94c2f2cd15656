import type { Metadata } from 'next';
import { fontLatin, fontVietnamese } from '@/app/fonts';
import NotFound from '@/app/(site)/not-found';
import { SiteDocument } from '@/components/layout/site-document';
import { SiteHeader } from '@/components/layout/site-header';
import { readerSettingsScript } from '@/components/reader/reader-settings';
import { siteConfig } from '@/config/site';
import { loadMenu } from '@/db/cached/pages';
import { getEnv } from '@/env';
import { documentMetadata, DOCUMENT_VIEWPORT } from '@/lib/seo/metadata';
import '@/app/globals.css';
import '@/app/print.css';

// The page of a URL that matches no route. The site has two root layouts (the public site's and the newsroom's:
// docs/decisions/0028-newsroom-csp.md), so Next renders this file, a document of its own, for such URLs; it is the
// public site's not-found page in the public site's document, as it was when there was one root layout.
// server.mjs also sends it in place of the empty document of a notFound() (server/not-found-page.mjs).

export function generateMetadata(): Metadata {
  return { ...documentMetadata(getEnv().siteUrl, siteConfig), title: `Không tìm thấy trang | ${siteConfig.name}` };
}

export const viewport = DOCUMENT_VIEWPORT;

async function Header() {
  return <SiteHeader categories={await loadMenu()} />;
}

export default function GlobalNotFound() {
  return (
    <SiteDocument
      className={`${fontLatin.variable} ${fontVietnamese.variable}`}
      head={<script dangerouslySetInnerHTML={{ __html: readerSettingsScript }} />}
      header={<Header />}
    >
      <NotFound />
    </SiteDocument>
  );
}
