import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { fontLatin, fontVietnamese } from '@/app/fonts';
import { Providers } from '@/components/providers.client';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { readerSettingsScript } from '@/components/reader/reader-settings';
import { siteConfig } from '@/config/site';
import { loadMenu } from '@/db/cached/pages';
import { getEnv } from '@/env';
import './globals.css';
import './print.css';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getEnv().siteUrl),
    title: { default: `${siteConfig.tagline} | ${siteConfig.name}`, template: `%s | ${siteConfig.name}` },
    description: siteConfig.description,
    applicationName: siteConfig.name,
    icons: { icon: siteConfig.logo.src },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b4f9c',
};

// The menu is loaded here because components get their data as props (docs/decisions/0017-layering.md). It is
// an async component of its own, not an await in RootLayout, so the page still renders while the menu is read.
async function Header() {
  return <SiteHeader categories={await loadMenu()} />;
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script sets the reader's settings on <html> before hydration, so its attributes differ from the
    // server's HTML on purpose.
    <html lang="vi" className={`${fontLatin.variable} ${fontVietnamese.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readerSettingsScript }} />
      </head>
      <body>
        <a className="skip-link" href="#noi-dung">
          Bỏ qua để đến nội dung chính
        </a>
        <Header />
        <Providers>
          <main id="noi-dung" className="container">
            {children}
          </main>
        </Providers>
        <SiteFooter />
      </body>
    </html>
  );
}
