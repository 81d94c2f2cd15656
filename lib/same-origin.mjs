// @ts-check
// Cross-site request refusal for the newsroom (issue #16): a request that changes state is accepted only when
// the browser says it comes from the site itself. Plain JavaScript because server.mjs (plain Node) uses it too;
// the route handlers check again, which also covers `npm run dev` (docs/decisions/0024-newsroom-accounts.md).

/** Methods that only read. Everything else changes state and needs the site's own Origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a request with this method and Origin header may go on: a safe method, or an Origin that is exactly
 * SITE_URL's origin. A missing Origin, `Origin: null` (sandboxed frames, `data:` pages, some redirects) and any
 * other origin are refused.
 * @param {{ method: string, origin: string | null | undefined, siteUrl: string }} request
 */
export function isAllowedOrigin({ method, origin, siteUrl }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  // Browsers send the serialized origin (scheme, host, port only when not the default): compared as a string.
  return Boolean(origin) && origin === new URL(siteUrl).origin;
}
