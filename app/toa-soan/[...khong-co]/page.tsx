import { notFound } from 'next/navigation';

// An unknown address under /toa-soan is a 404 rendered per request under the newsroom's policy, not the public site's
// prerendered 404 page, whose scripts carry no nonce. Next sends a notFound() as an empty document drawn by
// JavaScript; server.mjs sends the not-found page without its scripts in its place (server/not-found-page.mjs).
export default function UnknownNewsroomPage(): never {
  notFound();
}
