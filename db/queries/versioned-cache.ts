import { getContentVersion } from '@/db/queries/content-version';

// Generated documents (sitemaps, feeds) kept in memory until content changes: a warm request costs one
// indexed read of the content version. Each process keeps its own copy; the version is shared in the database.
const entries = new Map<string, { stamp: string; value: string }>();

/** `build()`'s result, rebuilt when the content version (or the caller's extra `stamp`, e.g. a minute) changes. */
export function cachedByContentVersion(key: string, build: () => string, stamp = ''): string {
  const current = `${getContentVersion()}:${stamp}`;
  const hit = entries.get(key);
  if (hit && hit.stamp === current) return hit.value;
  const value = build();
  entries.set(key, { stamp: current, value });
  return value;
}
