// What an unknown address under /toa-soan shows when the newsroom's router draws it in the browser: the public
// not-found page's text. A request for one is answered by server.mjs with the public not-found page without its
// scripts (server/not-found-page.mjs), which this matches.
export { default } from '@/app/(site)/not-found';
