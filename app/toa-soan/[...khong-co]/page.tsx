import { notFound } from 'next/navigation';

// An unknown address under /toa-soan gets the newsroom's 404 (app/toa-soan/not-found.tsx), rendered per request in
// the newsroom's document and so under its nonce-based policy, not the public site's prerendered 404 page.
export default function UnknownNewsroomPage(): never {
  notFound();
}
