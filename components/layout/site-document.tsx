import type { ReactNode } from 'react';
import { Providers } from '@/components/providers.client';
import { SiteFooter } from '@/components/layout/site-footer';

/**
 * The document every page sits in, under both root layouts: the public site's (app/(site)/layout.tsx), whose
 * `head` is the reader-settings script, and the newsroom's (app/toa-soan/layout.tsx), which has no script of its
 * own so that its nonce-based policy allows nothing but Next's scripts (docs/decisions/0028-newsroom-csp.md).
 * The header arrives ready-made: its menu is loaded by the layout (components take their data as props).
 */
export function SiteDocument({ className, head, header, children }: { className: string; head?: ReactNode; header: ReactNode; children: ReactNode }) {
  return (
    // The public pages' head script sets the reader's settings on <html> before hydration, so its attributes
    // differ from the server's HTML on purpose.
    <html lang="vi" className={className} suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- the App Router's root layouts write <head>; next/head is the Pages Router's */}
      <head>{head}</head>
      <body>
        <a className="skip-link" href="#noi-dung">
          Bỏ qua để đến nội dung chính
        </a>
        {header}
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
