import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { siteState } from '@/db/schema';

const KEY = 'content_version';

/** A number that changes whenever published content changes (bumped by every import). */
export function getContentVersion(): number {
  return getDb().select({ value: siteState.value }).from(siteState).where(eq(siteState.key, KEY)).get()?.value ?? 0;
}

/** Call inside the transaction that changes content. */
export function bumpContentVersion(): void {
  getDb()
    .insert(siteState)
    .values({ key: KEY, value: 1 })
    .onConflictDoUpdate({ target: siteState.key, set: { value: sql`${siteState.value} + 1` } })
    .run();
}
