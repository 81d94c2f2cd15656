import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Staff pages: rendered per request (they read the session cookie), never indexed. server.mjs adds
// `Cache-Control: private, no-store`, `X-Robots-Tag: noindex, nofollow` and `Referrer-Policy: same-origin` to
// every /toa-soan response (server/newsroom.mjs).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Tòa soạn',
  robots: { index: false, follow: false },
};

export default function NewsroomLayout({ children }: { children: ReactNode }) {
  return children;
}
