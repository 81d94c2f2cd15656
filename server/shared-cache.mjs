// @ts-check
// What shared caches in front of the site (the nginx tier of deploy/nginx/portal.conf, a CDN) are told about
// pages: keep them SHARED_CACHE_MAX_AGE seconds (2), then serve them stale for at most SHARED_CACHE_STALE (30)
// while one request refreshes them in the background, and for a day when the site cannot answer. Next's own
// cache keeps pages 5 minutes and is expired by tags within a second of an edit; a shared cache cannot be told
// which pages an edit touched, so it is only allowed to hold them for seconds
// (docs/decisions/0014-http-cache-tier.md).

export const DEFAULT_SHARED_CACHE = Object.freeze({ maxAge: 2, stale: 30, staleIfError: 86_400 });

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

/**
 * Rewrites the Cache-Control of `res` (see sharedCacheControl) when its headers go out, whether they were set
 * with setHeader or given to writeHead. Must wrap `res` before Next's handler, as replaceErrorShell does.
 * @param {import('node:http').ServerResponse} res
 * @param {{ maxAge: number, stale: number, staleIfError: number }} settings
 */
export function rewriteSharedCacheControl(res, settings) {
  /** @type {(...args: any[]) => import('node:http').ServerResponse} */
  const writeHead = res.writeHead;
  /** @param {number} status @param {any[]} rest */
  const rewritten = function (status, ...rest) {
    const current = res.getHeader('cache-control');
    if (current !== undefined) res.setHeader('cache-control', /** @type {string | number | string[]} */ (sharedCacheControl(current, settings)));
    /** @type {Record<string, any> | any[] | undefined} */
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      // Node's raw form: [name, value, name, value, ...]
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (String(headers[i]).toLowerCase() === 'cache-control') headers[i + 1] = sharedCacheControl(headers[i + 1], settings);
      }
    } else if (headers) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === 'cache-control') headers[key] = sharedCacheControl(headers[key], settings);
      }
    }
    return writeHead.call(res, status, ...rest);
  };
  res.writeHead = /** @type {any} */ (rewritten);
}
