import { FORM_TARGET_ALLOW, isNewsroomFormTarget } from './newsroom.mjs';

// Requests that server.mjs answers itself, before Next sees them, because Next would answer them with a 500, an
// empty body or an error in the log (docs/decisions/0012-bad-requests.md). Pure: no I/O, so it is unit tested.

/** The methods Next's pages and route handlers understand; it answers TRACE with a 500 and the rest with an empty 400. */
const NEXT_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Pages, feeds, sitemaps, photos and Next's own files are read-only. */
export const PAGE_ALLOW = 'GET, HEAD, OPTIONS';
/**
 * Next renders each page of these routes once and writes it to a file named after the URL (404s included), one
 * directory per path segment. No URL of the site has a segment this long (slugs are at most 200 ASCII
 * characters), and a longer one would fail that write: Linux allows 255 bytes, and Next appends `.segments`.
 */
const CACHED_PAGE_PREFIXES = ['/news/', '/tu-khoa/', '/tac-gia/'];
export const MAX_SEGMENT_BYTES = 240;

/**
 * @typedef {{ status: number, headers?: Record<string, string> } & (
 *   { body: 'not-found-page' } | { body: 'json', error: string } | { body: 'text', text: string } | { body: 'none' }
 * )} GuardAnswer
 */

/**
 * The request target in origin form (`/path?query`), or null when it is neither that nor an http(s) URL.
 * HTTP/1.1 servers must accept the absolute form (`GET http://host/path`); Next would redirect to its host.
 * @param {string} target
 * @returns {string | null}
 */
export function originForm(target) {
  if (target.startsWith('/')) return target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

/**
 * What is wrong with a path, judged segment by segment after percent-decoding: `malformed` (an invalid escape
 * or UTF-8 sequence, or a control character such as %00), `too-long` (a segment over MAX_SEGMENT_BYTES), or null.
 * @param {string} pathname
 * @returns {'malformed' | 'too-long' | null}
 */
export function pathProblem(pathname) {
  // Node's parser refuses raw control and non-ASCII bytes, so a path without escapes only needs its length checked.
  if (!pathname.includes('%') && pathname.length <= MAX_SEGMENT_BYTES) return null;
  let tooLong = false;
  for (const segment of pathname.split('/')) {
    let decoded = segment;
    if (segment.includes('%')) {
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return 'malformed';
      }
      if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'malformed';
    }
    if (Buffer.byteLength(decoded) > MAX_SEGMENT_BYTES) tooLong = true;
  }
  return tooLong ? 'too-long' : null;
}

const isApi = (pathname) => pathname === '/api' || pathname.startsWith('/api/');
/** The newsroom's forms post to its route handlers (server/newsroom.mjs checks their Origin); its pages are read-only. */
const FORM_TARGET_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * server.mjs's own answer to a request, or the request target (in origin form) to hand to Next.
 * @param {{ method: string, url: string }} request
 * @returns {{ answer: GuardAnswer } | { target: string }}
 */
export function guardRequest({ method, url }) {
  const target = originForm(url);
  if (target === null) {
    // `OPTIONS *` asks what the server supports; any other target is not a resource of this site.
    if (url === '*' && method === 'OPTIONS') return { answer: { status: 204, body: 'none', headers: { Allow: PAGE_ALLOW } } };
    return { answer: { status: 400, body: 'text', text: 'Yêu cầu không hợp lệ.' } };
  }
  const answer = answerFor(method, target);
  return answer ? { answer } : { target };
}

/**
 * @param {string} method
 * @param {string} target
 * @returns {GuardAnswer | null}
 */
function answerFor(method, target) {
  const pathname = target.split('?', 1)[0] ?? '';
  const api = isApi(pathname);
  const problem = pathProblem(pathname);
  const page = (status) => ({ status, body: method === 'HEAD' ? 'none' : 'not-found-page', headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  // Next cannot decode such a path and answers 500 (its 400 needs a Pages Router error page this site has not).
  if (problem === 'malformed') return api ? { status: 400, body: 'json', error: 'Đường dẫn không hợp lệ.' } : page(400);
  if (api) {
    // The route handlers answer the methods Next knows (unsupported ones with a JSON 405 and their own Allow).
    return NEXT_METHODS.has(method) ? null : { status: 400, body: 'json', error: 'Phương thức không hợp lệ.' };
  }
  if (isNewsroomFormTarget(pathname)) {
    if (method === 'OPTIONS') return { status: 204, body: 'none', headers: { Allow: FORM_TARGET_ALLOW } };
    if (FORM_TARGET_METHODS.has(method)) return null;
    return { status: 405, body: 'text', text: `Phương thức không được hỗ trợ. Dùng: ${FORM_TARGET_ALLOW}.`, headers: { Allow: FORM_TARGET_ALLOW } };
  }
  if (method === 'OPTIONS') return { status: 204, body: 'none', headers: { Allow: PAGE_ALLOW } };
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, body: 'text', text: 'Phương thức không được hỗ trợ. Dùng: GET, HEAD.', headers: { Allow: PAGE_ALLOW } };
  }
  if (problem === 'too-long' && CACHED_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return page(404);
  return null;
}
