// @ts-check
// The contract between server.mjs and the route app/api/internal/cache-sync, which both import: where the route
// is, which header carries the token, and how often server.mjs calls it (docs/decisions/0008-caching.md).
// The token itself is made by server.mjs at start and handed to the app through env.mjs (handOverCacheSyncToken).

export const CACHE_SYNC_PATH = '/api/internal/cache-sync';
export const CACHE_SYNC_TOKEN_HEADER = 'x-portal-sync-token';
export const CACHE_SYNC_INTERVAL_MS = 1_000;
