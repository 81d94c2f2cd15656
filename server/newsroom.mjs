// @ts-check
// What server.mjs does for every response under /toa-soan (the newsroom): staff pages are never stored by any
// cache, never indexed, never framed, and leak no URL to other sites; state-changing requests from anywhere but
// the site itself are refused before Next sees them (docs/decisions/0024-newsroom-accounts.md); and every response
// carries a Content Security Policy of its own, whose scripts need a nonce made for that response
// (docs/decisions/0028-newsroom-csp.md).
import { randomBytes } from 'node:crypto';
import securityHeaders from '../config/security-headers.js';
import { isAllowedOrigin } from '../lib/same-origin.mjs';

const { contentSecurityPolicy } = securityHeaders;

/** @type {Array<[name: string, value: string]>} */
export const NEWSROOM_HEADERS = [
  ['Cache-Control', 'private, no-store'],
  ['X-Robots-Tag', 'noindex, nofollow'],
  // Not `no-referrer`: with it Chromium sends `Origin: null` on the newsroom's own form posts (Fetch standard,
  // "append a request Origin header"), which the Origin check must refuse. `same-origin` sends no Referer and a
  // null Origin to other sites, and the real Origin to this one.
  ['Referrer-Policy', 'same-origin'],
];

/** 128 random bits, base64: a fresh nonce for one newsroom response (CSP3 `nonce-source` is a base64 value). */
export function createNonce() {
  return randomBytes(16).toString('base64');
}

/**
 * The newsroom's policy: the public site's (config/security-headers.js) but for scripts, which run only with this
 * response's nonce (Next's own, and what they load: 'strict-dynamic'), never inline without it and never from
 * `eval`; and `base-uri 'none'`. Next reads the nonce of the request's policy from the first directive that
 * starts with `script-src` (next/dist/server/app-render/get-script-nonce-from-header.js), so `script-src` comes
 * before `script-src-attr`. 'self' is for browsers without 'strict-dynamic' (CSP level 2); those with it ignore
 * 'self'.
 * @param {string} nonce
 */
export function newsroomContentSecurityPolicy(nonce) {
  return contentSecurityPolicy({ 'script-src': `'self' 'nonce-${nonce}' 'strict-dynamic'`, 'base-uri': "'none'" });
}

/**
 * What server.mjs does to a newsroom request before Next sees it: a fresh nonce, in a policy put on the request
 * (Next takes the nonce from the request's Content-Security-Policy header and puts it on every script it writes:
 * https://nextjs.org/docs/app/guides/content-security-policy) and on the response with the newsroom's headers.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {string} the nonce
 */
export function secureNewsroomExchange(req, res) {
  const nonce = createNonce();
  const policy = newsroomContentSecurityPolicy(nonce);
  delete req.headers['content-security-policy-report-only'];
  req.headers['content-security-policy'] = policy;
  keepNewsroomHeaders(res, policy);
  return nonce;
}

/**
 * A policy sent by a client (a request header no browser sends) would give its nonce to a public page rendered for
 * it: public pages get none.
 * @param {import('node:http').IncomingMessage} req
 */
export function dropRequestPolicies(req) {
  delete req.headers['content-security-policy'];
  delete req.headers['content-security-policy-report-only'];
}

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
  // Photo uploads from the article editor, up to 20 MiB (docs/decisions/0029-article-editor.md).
  '/toa-soan/anh',
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
 * Gives the newsroom's headers and `contentSecurityPolicy` to `res` now and again when its headers go out, replacing
 * what Next or server.mjs set (Next's Cache-Control for dynamic pages is `private, no-cache, no-store, max-age=0,
 * must-revalidate`; server.mjs's policy is the public site's).
 * @param {import('node:http').ServerResponse} res
 * @param {string} contentSecurityPolicy
 */
export function keepNewsroomHeaders(res, contentSecurityPolicy) {
  /** @type {Array<[name: string, value: string]>} */
  const ours = [...NEWSROOM_HEADERS, ['Content-Security-Policy', contentSecurityPolicy]];
  for (const [name, value] of ours) res.setHeader(name, value);
  /** @type {(...args: any[]) => import('node:http').ServerResponse} */
  const writeHead = res.writeHead;
  /** @param {number} status @param {any[]} rest */
  const withNewsroomHeaders = function (status, ...rest) {
    const names = new Set(ours.map(([name]) => name.toLowerCase()));
    /** @type {Record<string, any> | any[] | undefined} */
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = headers.length - 2; i >= 0; i -= 2) if (names.has(String(headers[i]).toLowerCase())) headers.splice(i, 2);
    } else if (headers) {
      for (const key of Object.keys(headers)) if (names.has(key.toLowerCase())) delete headers[key];
    }
    for (const [name, value] of ours) res.setHeader(name, value);
    return writeHead.call(res, status, ...rest);
  };
  res.writeHead = /** @type {any} */ (withNewsroomHeaders);
}

/**
 * What a signed-in member of staff sees at a newsroom page their role may not open (403): Next sends forbidden()
 * as its empty error document, blank without JavaScript, and server.mjs sends this instead (server/not-found-page.mjs
 * replaceErrorShell). No script, no style: the newsroom's policy allows neither inline.
 */
export const NEWSROOM_FORBIDDEN_PAGE = Buffer.from(
  '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex, nofollow"><title>Không có quyền | Tòa soạn</title></head><body><main>' +
    '<h1>Không có quyền</h1><p>Tài khoản của bạn không có quyền mở trang này.</p>' +
    '<p><a href="/toa-soan">Về trang tòa soạn</a></p></main></body></html>',
);
