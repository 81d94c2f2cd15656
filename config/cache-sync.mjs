// @ts-check
// The contract between server.mjs and the route app/api/internal/cache-sync, which both import: where the route
// is, which header carries the token, and how often server.mjs calls it (docs/decisions/0008-caching.md).
// The token itself is made by server.mjs at start and handed to the app through env.mjs (handOverCacheSyncToken).

export const CACHE_SYNC_PATH = '/api/internal/cache-sync';
export const CACHE_SYNC_TOKEN_HEADER = 'x-portal-sync-token';
// Four times a second: an edit reaches every process within about a quarter of a second, which leaves most of the
// 2 seconds issue #17 gives a publication for the nginx tier's copy (docs/decisions/0014-http-cache-tier.md, note
// of 2026-12-03). Each call is one loopback request and two reads on the primary key of cache_invalidations.
export const CACHE_SYNC_INTERVAL_MS = 250;
