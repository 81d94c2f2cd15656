// @ts-check
// What server.mjs does for every response under /toa-soan (the newsroom): staff pages are never stored by any
// cache, never indexed, never framed, and leak no URL to other sites; state-changing requests from anywhere but
// the site itself are refused before Next sees them (docs/decisions/0024-newsroom-accounts.md).
import { isAllowedOrigin } from '../lib/same-origin.mjs';

/** @type {Array<[name: string, value: string]>} */
export const NEWSROOM_HEADERS = [
  ['Cache-Control', 'private, no-store'],
  ['X-Robots-Tag', 'noindex, nofollow'],
  // Not `no-referrer`: with it Chromium sends `Origin: null` on the newsroom's own form posts (Fetch standard,
  // "append a request Origin header"), which the Origin check must refuse. `same-origin` sends no Referer and a
  // null Origin to other sites, and the real Origin to this one.
  ['Referrer-Policy', 'same-origin'],
];

/**
 * The only newsroom URLs that take a POST: the route handlers its forms post to. Its pages take none (the site has
 * no server actions, and Next answers a form-like POST to a page with a 500, "Invalid Server Actions request").
 */
export const NEWSROOM_FORM_TARGETS = new Set([
  '/toa-soan/dang-nhap/gui',
  '/toa-soan/dang-xuat',
  '/toa-soan/doi-mat-khau/gui',
  // Two-factor sign-in (docs/decisions/0026-two-factor.md).
  '/toa-soan/xac-thuc/gui',
  '/toa-soan/bao-mat/hai-lop/bat-dau',
  '/toa-soan/bao-mat/hai-lop/xac-nhan',
  '/toa-soan/bao-mat/ma-du-phong',
  '/toa-soan/bao-mat/tat',
  // Accounts (docs/decisions/0027-account-management.md).
  '/toa-soan/nguoi-dung/moi/gui',
]);
/**
 * The form targets of one account's page, /toa-soan/nguoi-dung/<username>/<action>: a username as stored
 * (lib/staff-password.ts) and one of the actions of lib/newsroom-accounts.ts ACCOUNT_ACTIONS (kept in step by
 * server/newsroom.test.ts).
 */
const ACCOUNT_FORM_TARGET = /^\/toa-soan\/nguoi-dung\/[a-z0-9_.]{3,30}\/(?:vai-tro|dat-lai-mat-khau|vo-hieu-hoa|kich-hoat|mo-khoa|dat-lai-hai-lop)$/;

/**
 * True for the paths that take a POST: the fixed targets and the account pages' targets.
 * @param {string} pathname
 */
export function isNewsroomFormTarget(pathname) {
  return NEWSROOM_FORM_TARGETS.has(pathname) || ACCOUNT_FORM_TARGET.test(pathname);
}
/** What a form target allows (its GET sends the browser back to the form). */
export const FORM_TARGET_ALLOW = 'GET, HEAD, POST';

/**
 * True for /toa-soan and everything under it, however the path is escaped.
 * @param {string} pathname
 */
export function isNewsroomPath(pathname) {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // a malformed escape: the request guard answers it
  }
  const lower = decoded.toLowerCase();
  return lower === '/toa-soan' || lower.startsWith('/toa-soan/');
}

/**
 * server.mjs's answer to a newsroom request that must not reach Next (a foreign, null or missing Origin on a
 * state-changing method), or null.
 * @param {{ method: string, origin: string | undefined, siteUrl: string }} request
 * @returns {import('./request-guard.mjs').GuardAnswer | null}
 */
export function refuseCrossSite(request) {
  if (isAllowedOrigin(request)) return null;
  return { status: 403, body: 'text', text: 'Yêu cầu bị từ chối: không đến từ trang của tòa soạn.' };
}

/**
 * Gives the newsroom's headers to `res` now and again when its headers go out, replacing what Next set
 * (its Cache-Control for dynamic pages is `private, no-cache, no-store, max-age=0, must-revalidate`).
 * @param {import('node:http').ServerResponse} res
 */
export function keepNewsroomHeaders(res) {
  for (const [name, value] of NEWSROOM_HEADERS) res.setHeader(name, value);
  /** @type {(...args: any[]) => import('node:http').ServerResponse} */
  const writeHead = res.writeHead;
  /** @param {number} status @param {any[]} rest */
  const withNewsroomHeaders = function (status, ...rest) {
    const names = new Set(NEWSROOM_HEADERS.map(([name]) => name.toLowerCase()));
    /** @type {Record<string, any> | any[] | undefined} */
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = headers.length - 2; i >= 0; i -= 2) if (names.has(String(headers[i]).toLowerCase())) headers.splice(i, 2);
    } else if (headers) {
      for (const key of Object.keys(headers)) if (names.has(key.toLowerCase())) delete headers[key];
    }
    for (const [name, value] of NEWSROOM_HEADERS) res.setHeader(name, value);
    return writeHead.call(res, status, ...rest);
  };
  res.writeHead = /** @type {any} */ (withNewsroomHeaders);
}
