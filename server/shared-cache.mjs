// @ts-check
// What shared caches in front of the site (the nginx tier of deploy/nginx/portal.conf, a CDN) are told about
// pages: keep them SHARED_CACHE_MAX_AGE seconds (1), then nothing stale (SHARED_CACHE_STALE, 0) except for a day
// when the site cannot answer. Next's own cache keeps pages 5 minutes and is expired by tags within a quarter of a
// second of an edit (config/cache-sync.mjs); a shared cache cannot be told which pages an edit touched, so it is
// only allowed to hold them for a second, and a publication shows everywhere within 2 seconds (issue #17;
// docs/decisions/0014-http-cache-tier.md, note of 2026-12-03).

export const DEFAULT_SHARED_CACHE = Object.freeze({ maxAge: 1, stale: 0, staleIfError: 86_400 });

/**
 * The shared-cache lifetimes from the environment (SHARED_CACHE_MAX_AGE, SHARED_CACHE_STALE): whole seconds,
 * 0 or more. Throws on anything else, so that a typo stops the server instead of silently caching for 5 minutes.
 * @param {{ SHARED_CACHE_MAX_AGE?: string | undefined, SHARED_CACHE_STALE?: string | undefined }} env from env.mjs
 */
export function sharedCacheSettings(env) {
  /** @param {'SHARED_CACHE_MAX_AGE' | 'SHARED_CACHE_STALE'} name @param {number} fallback */
  const seconds = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d{1,9}$/.test(raw.trim())) throw new Error(`${name} must be a whole number of seconds (0 or more), not "${raw}"`);
    return Number(raw.trim());
  };
  return {
    maxAge: seconds('SHARED_CACHE_MAX_AGE', DEFAULT_SHARED_CACHE.maxAge),
    stale: seconds('SHARED_CACHE_STALE', DEFAULT_SHARED_CACHE.stale),
    staleIfError: DEFAULT_SHARED_CACHE.staleIfError,
  };
}

/**
 * The Cache-Control a shared cache gets for a response Next sent with `value`. Only responses that carry
 * `s-maxage` (pages from Next's cache, sitemaps, feeds: everything Next keeps and expires by tags) change: their
 * s-maxage, stale-while-revalidate and stale-if-error become the settings', other directives (`public`,
 * `max-age=0`) stay in their place. Everything else (`no-store` of /api, the immutable year of /_next/static and
 * photos, `private` search pages) is returned as it is.
 * @param {string | number | readonly string[] | undefined} value
 * @param {{ maxAge: number, stale: number, staleIfError: number }} settings
 * @returns {string | number | readonly string[] | undefined}
 */
export function sharedCacheControl(value, settings) {
  if (value === undefined || typeof value === 'number') return value;
  const joined = Array.isArray(value) ? value.join(', ') : /** @type {string} */ (value);
  const directives = joined
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const name = (/** @type {string} */ d) => (d.split('=')[0] ?? '').trim().toLowerCase();
  if (!directives.some((d) => name(d) === 's-maxage')) return value;
  const replaced = directives.filter((d) => !['stale-while-revalidate', 'stale-if-error'].includes(name(d)));
  const at = replaced.findIndex((d) => name(d) === 's-maxage');
  replaced.splice(
    at,
    1,
    `s-maxage=${settings.maxAge}`,
    `stale-while-revalidate=${settings.stale}`,
    `stale-if-error=${settings.staleIfError}`,
  );
  return replaced.join(', ');
}

/** @param {string | number | readonly string[] | undefined} value */
const hasSharedMaxAge = (value) =>
  value !== undefined && typeof value !== 'number' && /(^|,)\s*s-maxage\s*=/i.test(Array.isArray(value) ? value.join(', ') : /** @type {string} */ (value));

/**
 * The X-Accel-Expires nginx gets with a response a shared cache may keep, or null when it may keep none
 * (maxAge 0). nginx counts a lifetime from `s-maxage` in whole seconds of its clock and keeps the copy until the
 * end of the last one, so `s-maxage=1` keeps it up to 2 s; `@<Unix time>` names that last second itself:
 * ⌊now⌋ + maxAge − 1 keeps the copy at most maxAge seconds after the response left. nginx keeps the header from
 * clients; its value is this machine's clock, which nginx's must share (NTP) when they are two machines.
 * @param {{ maxAge: number }} settings
 * @param {number} nowMs
 */
export function tierExpiry({ maxAge }, nowMs) {
  return maxAge > 0 ? `@${Math.floor(nowMs / 1000) + maxAge - 1}` : null;
}

/**
 * Rewrites the Cache-Control of `res` (see sharedCacheControl) when its headers go out, whether they were set
 * with setHeader or given to writeHead, and adds X-Accel-Expires (tierExpiry) to those a shared cache may keep.
 * Must wrap `res` before Next's handler, as replaceErrorShell does.
 * @param {import('node:http').ServerResponse} res
 * @param {{ maxAge: number, stale: number, staleIfError: number }} settings
 * @param {() => number} [clock] milliseconds since 1970 (tests pass their own)
 */
export function rewriteSharedCacheControl(res, settings, clock = Date.now) {
  /** @type {(...args: any[]) => import('node:http').ServerResponse} */
  const writeHead = res.writeHead;
  /** @param {number} status @param {any[]} rest */
  const rewritten = function (status, ...rest) {
    const expiry = tierExpiry(settings, clock());
    const current = res.getHeader('cache-control');
    if (current !== undefined) res.setHeader('cache-control', /** @type {string | number | string[]} */ (sharedCacheControl(current, settings)));
    /** @type {Record<string, any> | any[] | undefined} */
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    // nginx 1.22 reads Cache-Control only if no X-Accel-Expires came before it, so the new header goes after it.
    let kept = hasSharedMaxAge(current);
    if (Array.isArray(headers)) {
      // Node's raw form: [name, value, name, value, ...]
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (String(headers[i]).toLowerCase() !== 'cache-control') continue;
        headers[i + 1] = sharedCacheControl(headers[i + 1], settings);
        kept ||= hasSharedMaxAge(headers[i + 1]);
      }
      if (kept && expiry) headers.push('X-Accel-Expires', expiry);
    } else if (headers) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() !== 'cache-control') continue;
        headers[key] = sharedCacheControl(headers[key], settings);
        kept ||= hasSharedMaxAge(headers[key]);
      }
      if (kept && expiry) headers['X-Accel-Expires'] = expiry;
    } else if (kept && expiry) {
      res.setHeader('X-Accel-Expires', expiry);
    }
    return writeHead.call(res, status, ...rest);
  };
  res.writeHead = /** @type {any} */ (rewritten);
}
